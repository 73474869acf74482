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
 */
public record SandboxSettings(
        int port,
        Duration fastJobDuration,
        long heartbeatIntervalMs,
        boolean strict,
        List<SandboxAccount> accounts,
        int restRequestsPerSecond,
        Set<String> bannedWords,
        int replayBufferSize) {

    public static final int RELAX_FACTOR = 3;

    public SandboxSettings {
        accounts = List.copyOf(accounts);
        bannedWords = Set.copyOf(bannedWords);
    }

    public static SandboxSettings defaults() {
        return new SandboxSettings(8090, Duration.ofSeconds(4), 41_250, false, List.of(), 0,
                Set.of("gore", "bloodbath", "nsfw-sandbox"), 2_000);
    }

    /** Settings for tests: an ephemeral port and jobs of a few tens of milliseconds. */
    public static SandboxSettings forTests() {
        return defaults().withPort(0).withFastJobDuration(Duration.ofMillis(60));
    }

    public SandboxSettings withPort(int value) {
        return new SandboxSettings(value, fastJobDuration, heartbeatIntervalMs, strict, accounts,
                restRequestsPerSecond, bannedWords, replayBufferSize);
    }

    public SandboxSettings withFastJobDuration(Duration value) {
        return new SandboxSettings(port, value, heartbeatIntervalMs, strict, accounts,
                restRequestsPerSecond, bannedWords, replayBufferSize);
    }

    public SandboxSettings withHeartbeatIntervalMs(long value) {
        return new SandboxSettings(port, fastJobDuration, value, strict, accounts,
                restRequestsPerSecond, bannedWords, replayBufferSize);
    }

    public SandboxSettings withStrict(boolean value) {
        return new SandboxSettings(port, fastJobDuration, heartbeatIntervalMs, value, accounts,
                restRequestsPerSecond, bannedWords, replayBufferSize);
    }

    public SandboxSettings withAccounts(List<SandboxAccount> value) {
        return new SandboxSettings(port, fastJobDuration, heartbeatIntervalMs, strict, value,
                restRequestsPerSecond, bannedWords, replayBufferSize);
    }

    public SandboxSettings withRestRequestsPerSecond(int value) {
        return new SandboxSettings(port, fastJobDuration, heartbeatIntervalMs, strict, accounts,
                value, bannedWords, replayBufferSize);
    }

    public SandboxSettings withBannedWords(Set<String> value) {
        return new SandboxSettings(port, fastJobDuration, heartbeatIntervalMs, strict, accounts,
                restRequestsPerSecond, value, replayBufferSize);
    }

    public SandboxSettings withReplayBufferSize(int value) {
        return new SandboxSettings(port, fastJobDuration, heartbeatIntervalMs, strict, accounts,
                restRequestsPerSecond, bannedWords, value);
    }
}
