package dev.mjbridge.sandbox.gateway;

import java.util.List;

/**
 * The heartbeats of one gateway connection: when HELLO went out, the gap before each beat
 * (kept in a ring of {@link HeartbeatLog#MAX_GAPS_PER_CONNECTION}), and the clock the next
 * beat is judged by. Guarded by its own lock: beats arrive on the socket's thread, reports
 * are read on the control API's.
 */
final class Beats {

    private final String connectionId;
    private final long intervalNanos;
    private final long helloNanos;
    private String sessionId;
    private String userId;
    private boolean closed;
    /** The previous beat's arrival, or HELLO before the first beat: the next beat is due one interval later. */
    private long anchorNanos;
    private boolean firstBeatSeen;
    /** HELLO → first beat, when the first beat arrived since the last restart of the counts; else -1. */
    private long firstGapNanos = -1;
    private final long[] gaps = new long[HeartbeatLog.MAX_GAPS_PER_CONNECTION];
    private int gapCount;
    private int gapNext;
    private long beats;

    Beats(String connectionId, long intervalMs, long helloNanos) {
        this.connectionId = connectionId;
        this.intervalNanos = intervalMs * 1_000_000L;
        this.helloNanos = helloNanos;
        this.anchorNanos = helloNanos;
    }

    synchronized void arrived(long nanos) {
        long gap = nanos - anchorNanos;
        anchorNanos = nanos;
        beats++;
        if (!firstBeatSeen) {
            firstBeatSeen = true;
            firstGapNanos = gap;
            return;
        }
        gaps[gapNext] = gap;
        gapNext = (gapNext + 1) % gaps.length;
        gapCount = Math.min(gapCount + 1, gaps.length);
    }

    synchronized void attached(String session, String user) {
        this.sessionId = session;
        this.userId = user;
    }

    synchronized void closed() {
        closed = true;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized String userId() {
        return userId;
    }

    /** A new window: the clock (anchor) stays, the counts start from zero. */
    synchronized void restartCounts() {
        beats = 0;
        gapCount = 0;
        gapNext = 0;
        firstGapNanos = -1;
    }

    /** This connection's figures at {@code now}; adds the lateness of every beat after the first to {@code lateness}. */
    synchronized Judged judge(long now, long toleranceNanos, List<Long> lateness) {
        long lateBeats = 0;
        long missedBeats = 0;
        Long maxLateness = null;
        for (int i = 0; i < gapCount; i++) {
            long gap = gaps[i];
            long late = gap - intervalNanos;
            lateness.add(late);
            maxLateness = maxLateness == null ? late : Math.max(maxLateness, late);
            if (late > toleranceNanos) {
                lateBeats++;
            }
            missedBeats += skipped(gap, toleranceNanos);
        }
        boolean firstInWindow = firstGapNanos >= 0;
        boolean firstLate = firstInWindow && firstGapNanos - intervalNanos > toleranceNanos;
        if (firstLate) {
            lateBeats++;
            missedBeats += skipped(firstGapNanos, toleranceNanos);
        }
        Double overdueMs = null;
        if (!closed) {
            long waiting = now - anchorNanos;
            // No beat yet for this long: every whole interval past the tolerance is a beat that never came.
            missedBeats += Math.max(0, (waiting - toleranceNanos) / intervalNanos);
            if (waiting > intervalNanos) {
                overdueMs = (waiting - intervalNanos) / 1e6;
            }
        }
        HeartbeatReport.Connection entry = new HeartbeatReport.Connection(connectionId, sessionId, userId, !closed, intervalNanos / 1_000_000,
                beats, maxLateness == null ? null : maxLateness / 1e6, firstInWindow ? firstGapNanos / 1e6 : null,
                lateBeats, missedBeats, overdueMs);
        return new Judged(entry, firstInWindow, firstLate, firstInWindow ? (firstGapNanos - intervalNanos) / 1e6 : 0);
    }

    /**
     * Beats that never came in a gap that did end with a beat: a gap of 2.5 intervals holds
     * one missing beat (due at 1) and one late one (due at 2, which is the beat that came).
     */
    private long skipped(long gap, long toleranceNanos) {
        return Math.max(0, (gap - toleranceNanos) / intervalNanos - 1);
    }

    record Judged(HeartbeatReport.Connection entry, boolean firstBeatSeen, boolean firstBeatLate, double firstBeatAfterDeadlineMs) {
        String connectionId() {
            return entry.connectionId();
        }
    }
}
