package dev.mjbridge.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one instance does with the leases in one round: which free accounts to claim, which one
 * account to give up. Pure: the same view gives the same plan, whatever the clock.
 * <p>
 * The fair share: with n accounts and L live instances, the instances sorted by id, the first
 * {@code n mod L} of them aim at {@code ceil(n / L)} accounts and the others at {@code floor(n / L)}.
 * Every instance computes the same targets from the same registry, the targets add up to n, and an
 * instance never claims beyond its own: so the shares converge without anyone handing accounts
 * back and forth. An instance above its target gives up one account per round, and none while it
 * is still letting one go (that one ends its running jobs first), so a joining instance takes its
 * share gradually instead of a storm of reconnects.
 */
final class SharePlan {

    private SharePlan() {
    }

    /**
     * What this instance sees at the start of a round.
     *
     * @param me        this instance's id
     * @param accounts  the ids of accounts.yml, in its order
     * @param live      the live instances' ids (this one among them or not: it is counted either way)
     * @param taken     accounts with a valid lease of another owner (or of this one that it does not know of)
     * @param held      accounts this instance holds, leaving ones included
     * @param leaving   held accounts being given up (their session still ends its running jobs)
     * @param running   running tasks per held account (the quietest is given up first)
     */
    record View(String me, List<String> accounts, Set<String> live, Set<String> taken, Set<String> held,
                Set<String> leaving, Map<String, Integer> running) {
        View {
            accounts = List.copyOf(accounts);
            live = Set.copyOf(live);
            taken = Set.copyOf(taken);
            held = Set.copyOf(held);
            leaving = Set.copyOf(leaving);
            running = Map.copyOf(running);
        }
    }

    /**
     * @param claim   free accounts to claim now, in order
     * @param giveUp  one held account to let go (it ends its running jobs, then its lease is released)
     * @param dropped held accounts no longer in accounts.yml: let go like a given-up one
     */
    record Plan(List<String> claim, Optional<String> giveUp, List<String> dropped) {
        Plan {
            claim = List.copyOf(claim);
            dropped = List.copyOf(dropped);
        }
    }

    /** How many accounts this instance aims at. */
    static int target(String me, int accounts, Set<String> live) {
        TreeSet<String> instances = new TreeSet<>(live);
        instances.add(me);
        int count = instances.size();
        int rank = instances.headSet(me).size();
        return accounts / count + (rank < accounts % count ? 1 : 0);
    }

    static Plan decide(View view) {
        Set<String> listed = Set.copyOf(view.accounts());
        List<String> dropped = view.held().stream()
                .filter(id -> !listed.contains(id) && !view.leaving().contains(id)).sorted().toList();
        List<String> keeping = view.accounts().stream()
                .filter(id -> view.held().contains(id) && !view.leaving().contains(id)).toList();
        int target = target(view.me(), view.accounts().size(), view.live());

        List<String> claim = new ArrayList<>();
        if (keeping.size() < target) {
            List<String> free = view.accounts().stream()
                    .filter(id -> !view.held().contains(id) && !view.taken().contains(id)).toList();
            // Each instance starts looking at another place in the list, so instances claiming in
            // the same moment mostly ask for different accounts (the loser of a race just gets nothing).
            int start = free.isEmpty() ? 0 : Math.floorMod(view.me().hashCode(), free.size());
            for (int i = 0; i < free.size() && claim.size() < target - keeping.size(); i++) {
                claim.add(free.get((start + i) % free.size()));
            }
        }

        Optional<String> giveUp = Optional.empty();
        boolean alreadyLetting = view.leaving().stream().anyMatch(listed::contains);
        if (keeping.size() > target && !alreadyLetting) {
            giveUp = keeping.stream()
                    .max(Comparator.<String>comparingInt(id -> -view.running().getOrDefault(id, 0))
                            .thenComparingInt(keeping::indexOf));
        }
        return new Plan(claim, giveUp, dropped);
    }
}
