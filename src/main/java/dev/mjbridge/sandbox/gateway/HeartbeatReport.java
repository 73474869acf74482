package dev.mjbridge.sandbox.gateway;

import java.util.List;

/**
 * Heartbeat punctuality of the gateway's connections since the last clear, as
 * {@code GET /sandbox/gateway/heartbeats} shows it (docs/sandbox.md explains each figure).
 *
 * @param toleranceMs      how late a beat may be before it counts as late
 * @param connections      connections seen (each HELLO starts one)
 * @param openConnections  of those, still open
 * @param beats            heartbeats (op 1) received
 * @param lateness         of every beat after a connection's first: arrival − (previous arrival + interval)
 * @param firstBeats       the first beat of each connection, due within one interval of HELLO
 * @param lateBeats        beats later than the tolerance (first beats: past HELLO + interval + tolerance)
 * @param missedBeats      beats that never came: whole intervals without any beat, past the tolerance
 * @param connectionsLate  connections with at least one late beat
 * @param connectionsMissed connections that missed at least one beat (or are overdue now)
 * @param perConnection    one entry per connection, by connection id; null when not asked for
 */
public record HeartbeatReport(double toleranceMs, long connections, long openConnections, long beats,
                              Lateness lateness, FirstBeats firstBeats, long lateBeats, long missedBeats,
                              long connectionsLate, long connectionsMissed, List<Connection> perConnection) {

    /** Signed milliseconds (negative = early); null when no beat was ranked. */
    public record Lateness(long count, Double p50Ms, Double p99Ms, Double maxMs) {
    }

    /**
     * @param maxAfterDeadlineMs the latest first beat, measured from HELLO + interval (negative = within the interval)
     */
    public record FirstBeats(long count, long lateBeyondTolerance, Double maxAfterDeadlineMs) {
    }

    /**
     * One connection.
     *
     * @param maxLatenessMs         the latest beat after the first; null before the second beat
     * @param firstBeatAfterHelloMs HELLO → the first beat, when that beat arrived in this window
     * @param overdueMs             how far past its due time the next beat is now (open connections; null when not yet due)
     */
    public record Connection(String connectionId, String sessionId, String userId, boolean open, long intervalMs,
                             long beats, Double maxLatenessMs, Double firstBeatAfterHelloMs, long lateBeats,
                             long missedBeats, Double overdueMs) {
    }
}
