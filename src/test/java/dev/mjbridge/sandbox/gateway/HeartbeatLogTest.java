package dev.mjbridge.sandbox.gateway;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The heartbeat figures on a clock the test moves by hand: 1,000 ms interval, 50 ms tolerance. */
class HeartbeatLogTest {

    private static final long MS = 1_000_000L;
    private static final Duration TOLERANCE = Duration.ofMillis(50);

    private final AtomicLong clock = new AtomicLong(1_000 * MS);
    private final HeartbeatLog log = new HeartbeatLog(clock::get);

    private void at(long ms) {
        clock.set(1_000 * MS + ms * MS);
    }

    private void beatAt(String connection, long ms) {
        at(ms);
        log.beat(connection, clock.get());
    }

    private HeartbeatReport report() {
        return log.report(TOLERANCE, null, true);
    }

    @Test
    void laterBeatsAreJudgedAgainstThePreviousOneAndTheFirstOnlyAgainstHelloPlusInterval() {
        log.hello("c1", 1_000);
        log.attached("c1", "s1", "u1");
        beatAt("c1", 400);       // first beat: jittered, within the interval
        beatAt("c1", 1_390);     // 10 ms early
        beatAt("c1", 2_420);     // 30 ms late: within the tolerance
        beatAt("c1", 3_520);     // 100 ms late
        at(3_600);

        HeartbeatReport report = report();
        assertThat(report.beats()).isEqualTo(4);
        assertThat(report.firstBeats().count()).isEqualTo(1);
        assertThat(report.firstBeats().lateBeyondTolerance()).isZero();
        assertThat(report.firstBeats().maxAfterDeadlineMs()).isEqualTo(-600.0);
        assertThat(report.lateness().count()).isEqualTo(3);
        assertThat(report.lateness().p50Ms()).isEqualTo(30.0);
        assertThat(report.lateness().p99Ms()).isEqualTo(100.0);
        assertThat(report.lateness().maxMs()).isEqualTo(100.0);
        assertThat(report.lateBeats()).isEqualTo(1);
        assertThat(report.missedBeats()).isZero();
        assertThat(report.connectionsLate()).isEqualTo(1);
        assertThat(report.connectionsMissed()).isZero();
        HeartbeatReport.Connection c1 = report.perConnection().get(0);
        assertThat(c1.sessionId()).isEqualTo("s1");
        assertThat(c1.userId()).isEqualTo("u1");
        assertThat(c1.firstBeatAfterHelloMs()).isEqualTo(400.0);
        assertThat(c1.maxLatenessMs()).isEqualTo(100.0);
        assertThat(c1.overdueMs()).isNull();
    }

    @Test
    void aGapOfSeveralIntervalsCountsTheBeatsThatNeverCameAndTheOneThatCameLate() {
        log.hello("c1", 1_000);
        beatAt("c1", 500);
        beatAt("c1", 3_000);     // 2.5 intervals: the beat due at 1,500 never came, this one is 1,500 ms late
        at(3_100);

        HeartbeatReport report = report();
        assertThat(report.lateBeats()).isEqualTo(1);
        assertThat(report.missedBeats()).isEqualTo(1);
        assertThat(report.lateness().maxMs()).isEqualTo(1_500.0);
        assertThat(report.connectionsMissed()).isEqualTo(1);
    }

    @Test
    void aFirstBeatPastHelloPlusIntervalIsLateAndAnOpenConnectionWithoutBeatsBecomesOverdue() {
        log.hello("late-first", 1_000);
        log.hello("silent", 1_000);
        beatAt("late-first", 1_200);
        at(2_100);

        HeartbeatReport report = report();
        assertThat(report.firstBeats().lateBeyondTolerance()).isEqualTo(1);
        assertThat(report.firstBeats().maxAfterDeadlineMs()).isEqualTo(200.0);
        assertThat(report.lateness().count()).isZero();
        assertThat(report.lateness().p99Ms()).isNull();
        HeartbeatReport.Connection silent = report.perConnection().stream()
                .filter(c -> c.connectionId().equals("silent")).findFirst().orElseThrow();
        assertThat(silent.beats()).isZero();
        assertThat(silent.overdueMs()).isEqualTo(1_100.0);
        assertThat(silent.missedBeats()).isEqualTo(2);    // due at 1,000 and at 2,000, neither came
        assertThat(report.connectionsMissed()).isEqualTo(1);
        assertThat(report.connectionsLate()).isEqualTo(1);
    }

    @Test
    void clearingStartsANewWindowButKeepsTheClockOfOpenConnectionsAndForgetsClosedOnes() {
        log.hello("open", 1_000);
        log.hello("gone", 1_000);
        beatAt("open", 300);
        beatAt("gone", 350);
        log.closed("gone");
        log.clear();
        beatAt("open", 1_320);    // judged against the beat before the clear: 20 ms late
        at(1_400);

        HeartbeatReport report = report();
        assertThat(report.connections()).isEqualTo(1);
        assertThat(report.beats()).isEqualTo(1);
        assertThat(report.firstBeats().count()).isZero();
        assertThat(report.lateness().count()).isEqualTo(1);
        assertThat(report.lateness().maxMs()).isEqualTo(20.0);
        assertThat(report.lateBeats()).isZero();
    }

    @Test
    void aClosedConnectionIsNeverOverdueAndTheToleranceDecidesWhatIsLate() {
        log.hello("c1", 1_000);
        beatAt("c1", 100);
        beatAt("c1", 1_180);     // 80 ms late
        log.closed("c1");
        at(10_000);

        assertThat(report().perConnection().get(0).open()).isFalse();
        assertThat(report().missedBeats()).isZero();
        assertThat(report().lateBeats()).isEqualTo(1);
        assertThat(log.report(Duration.ofMillis(100), null, false).lateBeats()).isZero();
        assertThat(log.report(Duration.ofMillis(100), null, false).perConnection()).isNull();
        assertThat(log.report(TOLERANCE, "someone-else", true).connections()).isZero();
    }
}
