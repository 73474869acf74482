package dev.mjbridge.notify;

import dev.mjbridge.discord.Backoff;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The {@code mj.notify.*} settings: how webhooks are delivered and which per-request hooks
 * are accepted. The global hook itself is {@code mj.notify-hook} ({@code MjProperties}).
 *
 * @param attempts          deliveries of one state before giving up (first try included)
 * @param timeout           connect timeout and time to wait for the answer's headers (an answer
 *                          still trickling in after twice this is cut off)
 * @param firstDelay        wait before the first retry; doubles on each retry (with jitter)
 * @param maxDelay          ceiling of the wait between retries
 * @param allowHosts        when non-empty, per-request hooks may only name these hosts
 *                          ({@code *.example.com} also admits sub-domains)
 * @param refusePrivate     also refuse per-request hooks on loopback and private networks
 * @param maxAnswerBytes    how much of a receiver's answer is read before the connection is dropped
 * @param maxQueuedPerTask  undelivered states kept per task; beyond it progress steps are coalesced
 * @param maxQueued         undelivered states kept overall; beyond it progress steps are coalesced early
 */
@ConfigurationProperties("mj.notify")
public record NotifyProperties(
        int attempts,
        Duration timeout,
        Duration firstDelay,
        Duration maxDelay,
        List<String> allowHosts,
        boolean refusePrivate,
        int maxAnswerBytes,
        int maxQueuedPerTask,
        int maxQueued) {

    public NotifyProperties {
        attempts = attempts <= 0 ? 5 : attempts;
        timeout = positiveOr(timeout, Duration.ofSeconds(10));
        firstDelay = positiveOr(firstDelay, Duration.ofSeconds(1));
        maxDelay = positiveOr(maxDelay, Duration.ofSeconds(60));
        allowHosts = allowHosts == null ? List.of() : allowHosts.stream()
                .filter(host -> host != null && !host.isBlank())
                .map(host -> host.trim().toLowerCase(Locale.ROOT))
                .toList();
        maxAnswerBytes = maxAnswerBytes <= 0 ? 64 * 1024 : maxAnswerBytes;
        maxQueuedPerTask = maxQueuedPerTask <= 0 ? 32 : Math.max(2, maxQueuedPerTask);
        maxQueued = maxQueued <= 0 ? 10_000 : maxQueued;
    }

    /** How long a failed delivery waits before its next attempt: the backoff the gateway's reconnects use too. */
    public Backoff retryBackoff() {
        return new Backoff(firstDelay, maxDelay);
    }

    /** Every setting at its default. */
    public static NotifyProperties defaults() {
        return new NotifyProperties(0, null, null, null, null, false, 0, 0, 0);
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
