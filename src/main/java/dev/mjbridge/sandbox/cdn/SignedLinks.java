package dev.mjbridge.sandbox.cdn;

import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.sandbox.SandboxUrls;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Discord's signed attachment links: every URL handed out carries {@code ex} (expiry, hex unix
 * seconds), {@code is} (issued) and {@code hm}, an HMAC-SHA256 over the path, ex and is. The CDN
 * serves a file only for a link whose signature matches and whose {@code ex} has not passed, so
 * a client that keeps links must refresh them by reading the message again, as on Discord.
 * The secret is random per run; "expire every link" draws a new one, which voids all links
 * handed out so far and none handed out after.
 */
@Component
public class SignedLinks {

    /** What Discord's CDN answers (with a 404) for a stripped, forged or expired link. */
    public static final String GONE = "This content is no longer available.";

    /**
     * The attachment paths that are signed: the bot's files and users' uploads; {@code /media} is the
     * proxy form of the same file.
     */
    private static final List<String> SIGNED_PREFIXES = List.of("/attachments/", "/ephemeral-attachments/", "/uploads/");
    private static final String MEDIA = "/media";
    private static final int SECRET_BYTES = 32;

    private final SandboxUrls urls;
    private final Duration configuredLifetime;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] secret;
    private volatile Duration lifetime;
    private volatile InstantSource clock = InstantSource.system();

    public SignedLinks(SandboxUrls urls, SandboxSettings settings) {
        this.urls = urls;
        this.configuredLifetime = settings.linkLifetime();
        this.lifetime = configuredLifetime;
        this.secret = newSecret();
    }

    /** The query of a fresh link to {@code path} ({@code /attachments/...}), starting with {@code ?}. */
    public String query(String path) {
        long issued = clock.instant().getEpochSecond();
        String ex = Long.toHexString(issued + lifetime.toSeconds());
        String is = Long.toHexString(issued);
        return "?ex=" + ex + "&is=" + is + "&hm=" + signature(canonical(path), ex, is) + "&";
    }

    /** Whether a request for {@code path} with these query values may be served now. */
    public boolean valid(String path, String ex, String is, String hm) {
        if (ex == null || is == null || hm == null) {
            return false;
        }
        byte[] expected = signature(canonical(path), ex, is).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, hm.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        try {
            return clock.instant().getEpochSecond() < Long.parseLong(ex, 16);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Replaces the query of every sandbox attachment link under {@code node} ({@code url} and
     * {@code proxy_url} fields at any depth) with a freshly signed one: what REST reads of a
     * message hand out. Other URLs are left alone.
     */
    public void refresh(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = field.getValue();
                if (value.isString() && (field.getKey().equals("url") || field.getKey().equals("proxy_url"))) {
                    object.put(field.getKey(), refreshed(value.asString()));
                } else {
                    refresh(value);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(this::refresh);
        }
    }

    /** The link signed anew when it is one of this sandbox's attachment links, else unchanged. */
    public String refreshed(String url) {
        String base = urls.http();
        if (!url.startsWith(base)) {
            return url;
        }
        int queryStart = url.indexOf('?');
        String path = url.substring(base.length(), queryStart < 0 ? url.length() : queryStart);
        return isSigned(path) ? base + path + query(path) : url;
    }

    /** Voids every link handed out so far; links handed out afterwards work. */
    public void expireAll() {
        secret = newSecret();
    }

    /** How long links handed out from now on last (at least a second). */
    public void setLifetime(Duration value) {
        if (value == null || value.toSeconds() < 1) {
            throw new IllegalArgumentException("a link lifetime must be at least one second");
        }
        lifetime = value;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** Back to the configured lifetime and the system clock (links handed out stay as they are). */
    public void reset() {
        lifetime = configuredLifetime;
        clock = InstantSource.system();
    }

    /** The clock that dates links and judges their expiry; tests move it instead of waiting. */
    public void setClock(InstantSource value) {
        clock = value == null ? InstantSource.system() : value;
    }

    private static boolean isSigned(String path) {
        String canonical = canonical(path);
        return SIGNED_PREFIXES.stream().anyMatch(canonical::startsWith);
    }

    /** The proxy form {@code /media/attachments/...} is signed as the file it proxies. */
    private static String canonical(String path) {
        return path.startsWith(MEDIA + "/") ? path.substring(MEDIA.length()) : path;
    }

    private String signature(String path, String ex, String is) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((path + "\n" + ex + "\n" + is).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private byte[] newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return bytes;
    }
}
