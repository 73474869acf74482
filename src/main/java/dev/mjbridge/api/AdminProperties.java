package dev.mjbridge.api;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The secret of the account admin API ({@code mj.admin-secret}). It is separate from the
 * api secret on purpose: clients and relays hold the api secret, only the operator holds
 * this one. Blank = the admin API is off (its endpoints answer 403).
 */
@ConfigurationProperties(prefix = "mj")
public record AdminProperties(String adminSecret) {

    public AdminProperties {
        adminSecret = adminSecret == null || adminSecret.isBlank() ? null : adminSecret;
    }

    public static AdminProperties off() {
        return new AdminProperties(null);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "AdminProperties[adminSecret=" + (adminSecret == null ? "none" : "(set)") + "]";
    }
}
