package dev.mjbridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The local deadlines, on a hand-moved monotonic clock: ttl 15 s, margin 3 s, so 12 s from each statement's start. */
class LocalLeasesTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);
    private final LocalLeases leases = new LocalLeases(clock::get, 12 * SECOND);
    private final List<Set<String>> stopped = new ArrayList<>();

    @Test
    void aLeaseIsStoppedLocallyTwelveSecondsAfterTheStatementThatLastRenewedItStarted() {
        long claimStarted = clock.get();
        leases.claimed("acc-1", 7, claimStarted);
        clock.addAndGet(5 * SECOND);
        long renewStarted = clock.get();
        clock.addAndGet(2 * SECOND); // a slow answer: the deadline counts from the start, not the answer
        leases.renewed(List.of("acc-1"), renewStarted);

        clock.set(renewStarted + 12 * SECOND - 1);
        leases.dropExpired(stopped::add);
        assertThat(stopped).isEmpty();

        clock.set(renewStarted + 12 * SECOND);
        leases.dropExpired(stopped::add);
        assertThat(stopped).containsExactly(Set.of("acc-1"));
        assertThat(leases.held()).isEmpty();
    }

    @Test
    void anOlderRenewalAnsweringLateNeverMovesTheDeadlineBack() {
        long early = clock.get();
        leases.claimed("acc-1", 1, early + SECOND);
        leases.renewed(List.of("acc-1"), early);

        clock.set(early + 12 * SECOND);
        leases.dropExpired(stopped::add);
        assertThat(stopped).as("the claim's later start still counts").isEmpty();
    }

    @Test
    void aClaimThatAnsweredAfterItsOwnDeadlineIsNotTaken() {
        long started = clock.get();
        clock.addAndGet(12 * SECOND);

        assertThat(leases.claimed("acc-1", 1, started)).isFalse();
        assertThat(leases.held()).isEmpty();
    }

    @Test
    void theAccountsToConnectAreTheHeldOnesNotLeavingWithTheirDeadlinesAhead() {
        long now = clock.get();
        leases.claimed("acc-1", 1, now);
        leases.claimed("acc-2", 1, now);
        leases.claimed("acc-3", 1, now - 11 * SECOND);
        leases.startLeaving("acc-2");
        clock.addAndGet(2 * SECOND);

        assertThat(leases.connectable()).as("acc-3's deadline passed, even before the watchdog ran")
                .containsExactly("acc-1");
        assertThat(leases.held()).containsExactlyInAnyOrder("acc-1", "acc-2", "acc-3");
    }

    @Test
    void afterShutdownNothingIsClaimedOrConnected() {
        leases.claimed("acc-1", 1, clock.get());

        assertThat(leases.clear(stopped::add)).containsExactly("acc-1");

        assertThat(stopped).containsExactly(Set.of("acc-1"));
        assertThat(leases.claimed("acc-2", 1, clock.get())).isFalse();
        assertThat(leases.connectable()).isEmpty();
    }
}
