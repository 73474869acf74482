package dev.mjbridge.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mj.rate-limit.*}: an optional limit on requests per client.
 *
 * @param perMinute requests one client IP may make to {@code /mj/**} per minute (bursts up
 *                  to this many, then one more every {@code 60 / perMinute} seconds);
 *                  0 = no limit
 */
@ConfigurationProperties(prefix = "mj.rate-limit")
public record RateLimitProperties(@DefaultValue("0") int perMinute) {

    public RateLimitProperties {
        if (perMinute < 0) {
            throw new IllegalArgumentException("mj.rate-limit.per-minute must be 0 (off) or more, got " + perMinute);
        }
    }

    public static RateLimitProperties off() {
        return new RateLimitProperties(0);
    }
}
