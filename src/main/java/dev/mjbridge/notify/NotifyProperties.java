package dev.mjbridge.notify;

import dev.mjbridge.config.InvalidSettingException;
import dev.mjbridge.config.SettingChecks;
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
 * @param signingSecret     when set, every delivery is signed with it ({@link WebhookSignature}); never
 *                          logged or shown, hence {@link #toString()} masks it
 */
@ConfigurationProperties("mj.notify")
public record NotifyProperties(
        Integer attempts,
        Duration timeout,
        Duration firstDelay,
        Duration maxDelay,
        List<String> allowHosts,
        boolean refusePrivate,
        Integer maxAnswerBytes,
        Integer maxQueuedPerTask,
        Integer maxQueued,
        String signingSecret) {

    /** Short secrets can be guessed offline from one signed body. */
    static final int MIN_SECRET_LENGTH = 16;

    /** Each default is written here only; a value given but unusable stops start-up (key and reason). */
    public NotifyProperties {
        attempts = SettingChecks.atLeast("mj.notify.attempts", attempts, 1, 5);
        timeout = SettingChecks.positive("mj.notify.timeout", timeout, Duration.ofSeconds(10));
        firstDelay = SettingChecks.positive("mj.notify.first-delay", firstDelay, Duration.ofSeconds(1));
        maxDelay = SettingChecks.positive("mj.notify.max-delay", maxDelay, Duration.ofSeconds(60));
        if (maxDelay.compareTo(firstDelay) < 0) {
            throw new InvalidSettingException("mj.notify.max-delay",
                    "must not be shorter than mj.notify.first-delay (" + firstDelay + "), got " + maxDelay);
        }
        allowHosts = allowHosts == null ? List.of() : allowHosts.stream()
                .filter(host -> host != null && !host.isBlank())
                .map(host -> host.trim().toLowerCase(Locale.ROOT))
                .toList();
        maxAnswerBytes = SettingChecks.atLeast("mj.notify.max-answer-bytes", maxAnswerBytes, 1, 64 * 1024);
        // Two: coalescing keeps a task's latest state of each status, the last one included.
        maxQueuedPerTask = SettingChecks.atLeast("mj.notify.max-queued-per-task", maxQueuedPerTask, 2, 32);
        maxQueued = SettingChecks.atLeast("mj.notify.max-queued", maxQueued, 1, 10_000);
        signingSecret = signingSecret == null || signingSecret.isBlank() ? null : signingSecret.trim();
        if (signingSecret != null && signingSecret.length() < MIN_SECRET_LENGTH) {
            // The reason names the length only: the value is a secret.
            throw new InvalidSettingException("mj.notify.signing-secret",
                    "must be at least " + MIN_SECRET_LENGTH + " characters, got " + signingSecret.length());
        }
    }

    /** The same settings with webhooks signed by {@code secret}. */
    public NotifyProperties withSigningSecret(String secret) {
        return new NotifyProperties(attempts, timeout, firstDelay, maxDelay, allowHosts, refusePrivate,
                maxAnswerBytes, maxQueuedPerTask, maxQueued, secret);
    }

    @Override
    public String toString() {
        return "NotifyProperties[attempts=" + attempts + ", timeout=" + timeout + ", firstDelay=" + firstDelay
                + ", maxDelay=" + maxDelay + ", allowHosts=" + allowHosts + ", refusePrivate=" + refusePrivate
                + ", maxAnswerBytes=" + maxAnswerBytes + ", maxQueuedPerTask=" + maxQueuedPerTask
                + ", maxQueued=" + maxQueued + ", signingSecret=" + (signingSecret == null ? "none" : "***") + "]";
    }

    /** How long a failed delivery waits before its next attempt: the backoff the gateway's reconnects use too. */
    public Backoff retryBackoff() {
        return new Backoff(firstDelay, maxDelay);
    }

    /** Every setting at its default. */
    public static NotifyProperties defaults() {
        return new NotifyProperties(null, null, null, null, null, false, null, null, null, null);
    }
}
