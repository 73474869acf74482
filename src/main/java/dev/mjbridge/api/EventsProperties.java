package dev.mjbridge.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.mjbridge.config.SettingChecks;

/**
 * {@code mj.events.*}: the live task streams ({@code GET /mj/task/{id}/events} and friends).
 *
 * @param heartbeat      how often an open stream gets a {@code : ping} comment, so proxies keep it open
 *                       and a client that went away is noticed
 * @param maxSubscribers open streams at most; one more is refused with HTTP 503 and {@code Retry-After}
 * @param buffer         tasks with a change waiting to be written to one stream (a stream that is behind
 *                       keeps only each task's latest version); a stream with more is dropped (final
 *                       {@code event: dropped}) rather than slowing anything else
 * @param replay         changes (of all tasks) kept for clients that reconnect with {@code Last-Event-ID}
 * @param writerThreads  threads that write to the streams; never the task engine's own
 * @param writeTimeout   a write to a stream that has not completed within this long marks its client stuck:
 *                       the stream gets no more changes and its writer thread is replaced, so the other
 *                       streams keep flowing; the stuck write itself ends at the server's own write timeout
 */
@ConfigurationProperties(prefix = "mj.events")
public record EventsProperties(
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("1000") int maxSubscribers,
        @DefaultValue("256") int buffer,
        @DefaultValue("1000") int replay,
        @DefaultValue("2") int writerThreads,
        @DefaultValue("10s") Duration writeTimeout) {

    public EventsProperties {
        heartbeat = SettingChecks.positive("mj.events.heartbeat", heartbeat, Duration.ofSeconds(15));
        SettingChecks.atLeast("mj.events.max-subscribers", maxSubscribers, 1, 0);
        SettingChecks.atLeast("mj.events.buffer", buffer, 1, 0);
        SettingChecks.atLeast("mj.events.replay", replay, 0, 0);
        SettingChecks.atLeast("mj.events.writer-threads", writerThreads, 1, 0);
        writeTimeout = SettingChecks.positive("mj.events.write-timeout", writeTimeout, Duration.ofSeconds(10));
    }

    /** What binding no {@code mj.events.*} key gives: the {@code @DefaultValue}s above, kept in one place. */
    public static EventsProperties defaults() {
        return new Binder().bindOrCreate("mj.events", EventsProperties.class);
    }
}
