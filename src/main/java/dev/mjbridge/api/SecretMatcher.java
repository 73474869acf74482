package dev.mjbridge.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Compares a header value with a configured secret in constant time: both sides are
 * hashed first, so neither the content nor the length of the secret leaks through timing.
 */
final class SecretMatcher {

    private final byte[] digest;

    SecretMatcher(String secret) {
        this.digest = sha256(secret);
    }

    boolean matches(String given) {
        // Hash even a missing header, so that "absent" takes as long as "wrong".
        return MessageDigest.isEqual(digest, sha256(given == null ? "" : given)) && given != null;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
