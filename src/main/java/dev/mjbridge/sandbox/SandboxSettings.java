package dev.mjbridge.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How a sandbox instance behaves. Everything that a test or the standalone command
 * may want to change lives here; runtime changes go through {@link SandboxControl}.
 *
 * @param port               HTTP and gateway port; 0 picks a free one
 * @param fastJobDuration    how long one fast job runs (relax takes {@link #RELAX_FACTOR} times longer)
 * @param heartbeatIntervalMs the {@code heartbeat_interval} announced in HELLO
 * @param strict             admit only {@link #accounts()}; others get 401 / close 4004
 * @param accounts           pre-created users with their guild and channel
 * @param restRequestsPerSecond per-token REST rate before 429 (0 = unlimited)
 * @param bannedWords        prompt words the bot answers with "Banned prompt detected"
 * @param replayBufferSize   dispatches a session keeps for RESUME
 * @param videoJobDuration   how long one fast video job runs; null = {@link #VIDEO_FACTOR} x fastJobDuration
 * @param bots               which bots sit in the guilds: {@code midjourney}, {@code niji} (default both)
 * @param linkLifetime       how long an attachment link handed out works ({@code ex} - {@code is}); Discord's is 24 h
 */
public record SandboxSettings(
        int port,
        Duration fastJobDuration,
        long heartbeatIntervalMs,
        boolean strict,
        List<SandboxAccount> accounts,
        int restRequestsPerSecond,
        Set<String> bannedWords,
        int replayBufferSize,
        Duration videoJobDuration,
        Set<String> bots,
        Duration linkLifetime) {

    public static final int RELAX_FACTOR = 3;
    /** Unless set, a video job runs this many times as long as an image job (as on Midjourney, minutes not seconds). */
    public static final int VIDEO_FACTOR = 5;
    /** The bots the sandbox simulates, by the names the accounts file and {@code --bots} use. */
    public static final Set<String> ALL_BOTS = Set.of("midjourney", "niji");
    /** Discord's attachment links work for about a day after they are handed out. */
    public static final Duration DEFAULT_LINK_LIFETIME = Duration.ofHours(24);

    public SandboxSettings {
        accounts = List.copyOf(accounts);
        bannedWords = Set.copyOf(bannedWords);
        bots = Set.copyOf(bots);
        linkLifetime = linkLifetime == null ? DEFAULT_LINK_LIFETIME : linkLifetime;
        if (linkLifetime.isNegative() || linkLifetime.isZero()) {
            throw new IllegalArgumentException("the link lifetime must be positive, was " + linkLifetime);
        }
        // ex and is count whole seconds, so a link cannot last less than one.
        linkLifetime = linkLifetime.toSeconds() < 1 ? Duration.ofSeconds(1) : linkLifetime;
        for (String bot : bots) {
            if (!ALL_BOTS.contains(bot)) {
                throw new IllegalArgumentException("unknown bot " + bot + " (known: midjourney, niji)");
            }
        }
    }

    /** How long one fast video job runs: {@link #videoJobDuration()} when set, else {@link #VIDEO_FACTOR} image jobs. */
    public Duration fastVideoDuration() {
        return videoJobDuration != null ? videoJobDuration : fastJobDuration.multipliedBy(VIDEO_FACTOR);
    }

    public static SandboxSettings defaults() {
        return new SandboxSettings(8090, Duration.ofSeconds(4), 41_250, false, List.of(), 0,
                Set.of("gore", "bloodbath", "nsfw-sandbox"), 2_000, null, ALL_BOTS,
                DEFAULT_LINK_LIFETIME);
    }

    /** Settings for tests: an ephemeral port and jobs of a few tens of milliseconds. */
    public static SandboxSettings forTests() {
        return defaults().withPort(0).withFastJobDuration(Duration.ofMillis(60));
    }

    public SandboxSettings withPort(int value) {
        return new SandboxSettings(value, fastJobDuration, heartbeatIntervalMs, strict, accounts,
                restRequestsPerSecond, bannedWords, replayBufferSize, videoJobDuration, bots, linkLifetime);
    }

    public SandboxSettings withFastJobDuration(Duration value) {
        return new SandboxSettings(port, value, heartbeatIntervalMs, strict, accounts,
                restRequestsPerSecond, bannedWords, replayBufferSize, videoJobDuration, bots, linkLifetime);
    }

    public SandboxSettings withHeartbeatIntervalMs(long value) {
        return new SandboxSettings(port, fastJobDuration, value, strict, accounts,
                restRequestsPerSecond, bannedWords, replayBufferSize, videoJobDuration, bots, linkLifetime);
    }

    public SandboxSettings withStrict(boolean value) {
        return new SandboxSettings(port, fastJobDuration, heartbeatIntervalMs, value, accounts,
                restRequestsPerSecond, bannedWords, replayBufferSize, videoJobDuration, bots, linkLifetime);
    }

    public SandboxSettings withAccounts(List<SandboxAccount> value) {
        return new SandboxSettings(port, fastJobDuration, heartbeatIntervalMs, strict, value,
                restRequestsPerSecond, bannedWords, replayBufferSize, videoJobDuration, bots, linkLifetime);
    }

    public SandboxSettings withRestRequestsPerSecond(int value) {
        return new SandboxSettings(port, fastJobDuration, heartbeatIntervalMs, strict, accounts,
                value, bannedWords, replayBufferSize, videoJobDuration, bots, linkLifetime);
    }

    public SandboxSettings withBannedWords(Set<String> value) {
        return new SandboxSettings(port, fastJobDuration, heartbeatIntervalMs, strict, accounts,
                restRequestsPerSecond, value, replayBufferSize, videoJobDuration, bots, linkLifetime);
    }

    public SandboxSettings withReplayBufferSize(int value) {
        return new SandboxSettings(port, fastJobDuration, heartbeatIntervalMs, strict, accounts,
                restRequestsPerSecond, bannedWords, value, videoJobDuration, bots, linkLifetime);
    }

    /** Video jobs run this long in fast mode (null: {@link #VIDEO_FACTOR} times the image job time). */
    public SandboxSettings withVideoJobDuration(Duration value) {
        return new SandboxSettings(port, fastJobDuration, heartbeatIntervalMs, strict, accounts,
                restRequestsPerSecond, bannedWords, replayBufferSize, value, bots, linkLifetime);
    }

    /** Which bots sit in every guild (names of {@link #ALL_BOTS}). */
    public SandboxSettings withBots(Set<String> value) {
        return new SandboxSettings(port, fastJobDuration, heartbeatIntervalMs, strict, accounts,
                restRequestsPerSecond, bannedWords, replayBufferSize, videoJobDuration, value, linkLifetime);
    }

    /** Attachment links handed out work this long (at least a second). */
    public SandboxSettings withLinkLifetime(Duration value) {
        return new SandboxSettings(port, fastJobDuration, heartbeatIntervalMs, strict, accounts,
                restRequestsPerSecond, bannedWords, replayBufferSize, videoJobDuration, bots, value);
    }
}
