package dev.mjbridge.sandbox.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * When each gateway connection's heartbeats (op 1) arrived, measured against the interval
 * the sandbox announced in that connection's HELLO. One record per connection, because
 * every HELLO starts the heartbeat clock anew (a resumed session gets a new one).
 * <p>
 * The first beat of a connection is special: Discord asks clients to wait interval × a
 * random jitter in [0, 1) before it, so its only firm deadline is HELLO + interval. It is
 * checked against that deadline (late when beyond it by more than the tolerance) but left
 * out of the lateness percentiles, where its jitter would read as earliness. Every later
 * beat is due one interval after the beat before it: lateness = arrival − (previous
 * arrival + interval), negative when early.
 * <p>
 * Arrival times are what the sandbox's socket handler sees, on the monotonic clock.
 */
public final class HeartbeatLog {

    /** Gaps kept per connection (the newest win): a few days of beats at Discord's interval. */
    static final int MAX_GAPS_PER_CONNECTION = 8_192;

    private final LongSupplier nanoClock;
    private final Map<String, Beats> byConnection = new ConcurrentHashMap<>();

    public HeartbeatLog() {
        this(System::nanoTime);
    }

    HeartbeatLog(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Called just before HELLO is written, so HELLO + interval is never earlier than the client's own clock. */
    void hello(String connectionId, long intervalMs) {
        byConnection.put(connectionId, new Beats(connectionId, intervalMs, nanoClock.getAsLong()));
    }

    void beat(String connectionId, long arrivedNanos) {
        Beats beats = byConnection.get(connectionId);
        if (beats != null) {
            beats.arrived(arrivedNanos);
        }
    }

    /** The connection now carries this session (after IDENTIFY or RESUME). */
    void attached(String connectionId, String sessionId, String userId) {
        Beats beats = byConnection.get(connectionId);
        if (beats != null) {
            beats.attached(sessionId, userId);
        }
    }

    void closed(String connectionId) {
        Beats beats = byConnection.get(connectionId);
        if (beats != null) {
            beats.closed();
        }
    }

    long now() {
        return nanoClock.getAsLong();
    }

    /**
     * Starts a new measuring window: closed connections are forgotten, open ones keep their
     * clock (the last beat or HELLO) so their next beat is judged as before, but their counts restart.
     */
    public void clear() {
        byConnection.values().removeIf(Beats::isClosed);
        byConnection.values().forEach(Beats::restartCounts);
    }

    /**
     * The figures since the last {@link #clear()}, judging lateness against {@code tolerance};
     * {@code userId} narrows the per-connection list (null = all), {@code withConnections} false leaves it out.
     */
    public HeartbeatReport report(Duration tolerance, String userId, boolean withConnections) {
        long now = nanoClock.getAsLong();
        long toleranceNanos = tolerance.toNanos();
        List<Beats.Judged> judged = new ArrayList<>();
        List<Long> lateness = new ArrayList<>();
        byConnection.values().stream()
                .filter(b -> userId == null || userId.equals(b.userId()))
                .forEach(b -> judged.add(b.judge(now, toleranceNanos, lateness)));
        judged.sort(Comparator.comparing(Beats.Judged::connectionId));
        long[] sorted = lateness.stream().mapToLong(Long::longValue).sorted().toArray();
        long beats = judged.stream().mapToLong(j -> j.entry().beats()).sum();
        long firstBeats = judged.stream().filter(Beats.Judged::firstBeatSeen).count();
        OptionalDouble latestFirst = judged.stream().filter(Beats.Judged::firstBeatSeen)
                .mapToDouble(Beats.Judged::firstBeatAfterDeadlineMs).max();
        HeartbeatReport.FirstBeats first = new HeartbeatReport.FirstBeats(firstBeats,
                judged.stream().filter(Beats.Judged::firstBeatLate).count(),
                latestFirst.isPresent() ? latestFirst.getAsDouble() : null);
        HeartbeatReport.Lateness spread = new HeartbeatReport.Lateness(sorted.length,
                percentileMs(sorted, 0.50), percentileMs(sorted, 0.99),
                sorted.length == 0 ? null : sorted[sorted.length - 1] / 1e6);
        return new HeartbeatReport(tolerance.toNanos() / 1e6, judged.size(),
                judged.stream().filter(j -> j.entry().open()).count(), beats, spread, first,
                judged.stream().mapToLong(j -> j.entry().lateBeats()).sum(),
                judged.stream().mapToLong(j -> j.entry().missedBeats()).sum(),
                judged.stream().filter(j -> j.entry().lateBeats() > 0).count(),
                judged.stream().filter(j -> j.entry().missedBeats() > 0).count(),
                withConnections ? judged.stream().map(Beats.Judged::entry).toList() : null);
    }

    /** Nearest-rank percentile, in milliseconds; null when there is nothing to rank. */
    private static Double percentileMs(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank))] / 1e6;
    }
}
