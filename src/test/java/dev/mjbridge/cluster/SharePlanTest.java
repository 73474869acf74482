package dev.mjbridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SharePlanTest {

    private static final List<String> SIX = List.of("a1", "a2", "a3", "a4", "a5", "a6");

    @Test
    void theTargetsAreFloorOrCeilingAndAddUpToTheAccounts() {
        Set<String> live = Set.of("i-a", "i-b", "i-c");
        assertThat(SharePlan.target("i-a", 7, live)).isEqualTo(3);
        assertThat(SharePlan.target("i-b", 7, live)).isEqualTo(2);
        assertThat(SharePlan.target("i-c", 7, live)).isEqualTo(2);
        assertThat(SharePlan.target("i-c", 6, live)).isEqualTo(2);
        assertThat(SharePlan.target("i-a", 6, Set.of())).as("alone, counted even when not yet in the registry").isEqualTo(6);
    }

    @Test
    void anInstanceAloneClaimsEveryFreeAccount() {
        SharePlan.Plan plan = SharePlan.decide(view("i-a", Set.of("i-a"), Set.of(), Set.of(), Set.of()));

        assertThat(plan.claim()).containsExactlyInAnyOrderElementsOf(SIX);
        assertThat(plan.giveUp()).isEmpty();
    }

    @Test
    void aNewInstanceClaimsNothingTakenAndTheFullOneGivesUpOneAccountPerRound() {
        Set<String> live = Set.of("i-a", "i-b");
        SharePlan.Plan newcomer = SharePlan.decide(view("i-b", live, Set.copyOf(SIX), Set.of(), Set.of()));
        SharePlan.Plan full = SharePlan.decide(view("i-a", live, Set.of(), Set.copyOf(SIX), Set.of()));

        assertThat(newcomer.claim()).isEmpty();
        assertThat(full.claim()).isEmpty();
        assertThat(full.giveUp()).contains("a6");
    }

    @Test
    void noSecondAccountIsGivenUpWhileOneIsStillLeaving() {
        SharePlan.Plan plan = SharePlan.decide(view("i-a", Set.of("i-a", "i-b"), Set.of(), Set.copyOf(SIX), Set.of("a6")));

        assertThat(plan.giveUp()).isEmpty();
    }

    @Test
    void theAccountWithTheFewestRunningJobsIsGivenUp() {
        SharePlan.View view = new SharePlan.View("i-a", SIX, Set.of("i-a", "i-b"), Set.of(), Set.copyOf(SIX), Set.of(),
                Map.of("a1", 2, "a2", 0, "a3", 1, "a4", 3, "a5", 1, "a6", 1));

        assertThat(SharePlan.decide(view).giveUp()).isEqualTo(Optional.of("a2"));
    }

    @Test
    void anInstanceBelowItsShareClaimsOnlyUpToItAndOnlyFreeAccounts() {
        Set<String> live = Set.of("i-a", "i-b", "i-c");
        SharePlan.Plan plan = SharePlan.decide(view("i-c", live, Set.of("a1", "a2", "a3", "a4"), Set.of(), Set.of()));

        assertThat(plan.claim()).containsExactlyInAnyOrder("a5", "a6");
        SharePlan.Plan half = SharePlan.decide(view("i-c", live, Set.of("a1", "a2", "a3"), Set.of("a4"), Set.of()));
        assertThat(half.claim()).hasSize(1).isSubsetOf("a5", "a6");
    }

    @Test
    void aHeldAccountNoLongerInTheFileIsLetGo() {
        SharePlan.View view = new SharePlan.View("i-a", List.of("a1"), Set.of("i-a"), Set.of(), Set.of("a1", "gone"),
                Set.of(), Map.of());

        assertThat(SharePlan.decide(view).dropped()).containsExactly("gone");
    }

    private static SharePlan.View view(String me, Set<String> live, Set<String> taken, Set<String> held, Set<String> leaving) {
        return new SharePlan.View(me, SIX, live, taken, held, leaving, Map.of());
    }
}
