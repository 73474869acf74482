package dev.mjbridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The keeper's protocol (renew, release after the session ended, claim only free leases, the
 * watchdog's local deadline before the database's expiry) with {@link SharePlan} deciding, on a
 * model of the lease table and of time: instances join, die without releasing and run their rounds
 * in any order. No account ever has two sessions, and once membership stops changing the shares
 * converge to floor or ceiling of accounts / live instances with every account held.
 */
class LeaseProtocolPropertyTest {

    private static final int TTL = 15;
    private static final int MARGIN = 3;

    @Property(tries = 300)
    void noAccountIsEverConnectedTwiceAndTheSharesConverge(@ForAll @IntRange(min = 1, max = 12) int accounts,
                                                            @ForAll @IntRange(min = 1, max = 4) int firstInstances,
                                                            @ForAll long seed) {
        Random random = new Random(seed);
        Model model = new Model(IntStream.rangeClosed(1, accounts).mapToObj(n -> "acc-" + n).toList());
        for (int i = 0; i < firstInstances; i++) {
            model.join();
        }
        for (int step = 0; step < 200; step++) {
            model.tick();
            int action = random.nextInt(20);
            if (action == 0) {
                model.join();
            } else if (action == 1 && model.alive().size() > 1) {
                model.kill(model.alive().get(random.nextInt(model.alive().size())));
            }
            List<Instance> order = new ArrayList<>(model.alive());
            java.util.Collections.shuffle(order, random);
            // Some instances miss a round now and then (a slow database, a long pause).
            order.stream().filter(i -> random.nextInt(4) != 0).forEach(i -> model.round(i, random));
            model.assertNoAccountConnectedTwice();
        }
        for (int step = 0; step < 40 + 4 * accounts; step++) {
            model.tick();
            List<Instance> order = new ArrayList<>(model.alive());
            java.util.Collections.shuffle(order, random);
            order.forEach(i -> model.round(i, random));
            model.assertNoAccountConnectedTwice();
        }
        model.assertFairShares();
    }

    /** A row of the lease table. */
    private record Row(String owner, long epoch, int expiresAt) {
    }

    private static final class Instance {
        final String id;
        boolean alive = true;
        int heartbeat;
        final Map<String, Long> held = new LinkedHashMap<>();
        final Map<String, Integer> deadline = new HashMap<>();
        /** Given-up accounts and the tick their running jobs end (their session with them). */
        final Map<String, Integer> leaving = new HashMap<>();

        Instance(String id) {
            this.id = id;
        }

        void drop(String account) {
            held.remove(account);
            deadline.remove(account);
            leaving.remove(account);
        }
    }

    private static final class Model {
        final List<String> accounts;
        final Map<String, Row> table = new HashMap<>();
        final List<Instance> instances = new ArrayList<>();
        int now;

        Model(List<String> accounts) {
            this.accounts = accounts;
        }

        List<Instance> alive() {
            return instances.stream().filter(i -> i.alive).toList();
        }

        void join() {
            Instance instance = new Instance("i-" + instances.size() + "-" + now);
            instance.heartbeat = now;
            instances.add(instance);
        }

        void kill(Instance instance) {
            instance.alive = false;
        }

        void tick() {
            now++;
            // The watchdog of every process still running, dead to the database or not.
            for (Instance instance : instances) {
                for (String account : List.copyOf(instance.held.keySet())) {
                    if (instance.deadline.get(account) <= now) {
                        instance.drop(account);
                    }
                }
            }
        }

        void round(Instance me, Random random) {
            me.heartbeat = now;
            for (String account : List.copyOf(me.held.keySet())) {
                Row row = table.get(account);
                if (row != null && me.id.equals(row.owner()) && row.epoch() == me.held.get(account) && row.expiresAt() > now) {
                    table.put(account, new Row(me.id, row.epoch(), now + TTL));
                    me.deadline.put(account, now + TTL - MARGIN);
                } else {
                    me.drop(account);
                }
            }
            for (Map.Entry<String, Integer> leaving : List.copyOf(me.leaving.entrySet())) {
                if (leaving.getValue() <= now) {
                    String account = leaving.getKey();
                    Row row = table.get(account);
                    table.put(account, new Row(null, row.epoch(), now));
                    me.drop(account);
                }
            }
            Set<String> live = instances.stream().filter(i -> i.heartbeat > now - TTL).map(i -> i.id)
                    .collect(Collectors.toSet());
            Set<String> taken = table.entrySet().stream()
                    .filter(e -> e.getValue().owner() != null && e.getValue().expiresAt() > now)
                    .filter(e -> !(e.getValue().owner().equals(me.id) && me.held.containsKey(e.getKey())))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            SharePlan.Plan plan = SharePlan.decide(new SharePlan.View(me.id, accounts, live, taken, me.held.keySet(),
                    me.leaving.keySet(), Map.of()));
            for (String account : plan.claim()) {
                Row row = table.get(account);
                if (row == null || row.owner() == null || row.expiresAt() <= now) {
                    long epoch = row == null ? 1 : row.epoch() + 1;
                    table.put(account, new Row(me.id, epoch, now + TTL));
                    me.held.put(account, epoch);
                    me.deadline.put(account, now + TTL - MARGIN);
                }
            }
            plan.giveUp().ifPresent(account -> me.leaving.put(account, now + random.nextInt(4)));
        }

        void assertNoAccountConnectedTwice() {
            for (String account : accounts) {
                List<String> holders = instances.stream().filter(i -> i.held.containsKey(account)).map(i -> i.id).toList();
                assertThat(holders).as("sessions of %s at tick %d", account, now).hasSizeLessThanOrEqualTo(1);
            }
        }

        void assertFairShares() {
            List<Instance> alive = alive();
            Set<String> heldSomewhere = new HashSet<>();
            alive.forEach(i -> heldSomewhere.addAll(i.held.keySet()));
            assertThat(heldSomewhere).as("every account held").containsExactlyInAnyOrderElementsOf(accounts);
            int floor = accounts.size() / alive.size();
            int ceiling = floor + (accounts.size() % alive.size() == 0 ? 0 : 1);
            for (Instance instance : alive) {
                assertThat(instance.held.size()).as("share of %s", instance.id).isBetween(floor, ceiling);
                assertThat(instance.leaving).as("still leaving at %s", instance.id).isEmpty();
            }
        }
    }
}
