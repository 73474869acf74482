package dev.mjbridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mjbridge.testing.PostgresSchema;
import dev.mjbridge.testing.Waits;

/** The lease statements on a real PostgreSQL: one winner per claim, renewals only by the owner, the database's clock. */
class LeaseStoreTest {

    private static final Duration TTL = Duration.ofSeconds(30);
    private static PostgresSchema schema;
    private static LeaseStore store;

    @BeforeAll
    static void database() {
        schema = PostgresSchema.migrated("lease_store");
        store = new LeaseStore(schema.dataSource(), Duration.ofSeconds(5));
    }

    @AfterAll
    static void dropIt() {
        if (schema != null) {
            schema.close();
        }
    }

    @BeforeEach
    void empty() {
        JdbcClient sql = JdbcClient.create(schema.dataSource());
        sql.sql("DELETE FROM mj_account_lease").update();
        sql.sql("DELETE FROM mj_cluster_instance").update();
    }

    @Test
    void aDrainingInstanceShowsSoInTheRegistry() {
        store.register("i-a", "10.0.0.1", 8081);
        store.register("i-b", "10.0.0.2", 8082);

        store.markDraining("i-a");

        assertThat(store.liveInstances(TTL)).extracting(LeaseStore.Instance::id, LeaseStore.Instance::draining)
                .containsExactly(tuple("i-a", true),
                        tuple("i-b", false));
        store.register("i-a", "10.0.0.1", 8081);
        assertThat(store.liveInstances(TTL).get(0).draining()).as("registering again keeps it draining").isTrue();
    }

    @Test
    void theQueueDepthCountsTheTasksNotSentAndThoseWithNoAccount() {
        JdbcClient sql = JdbcClient.create(schema.dataSource());
        sql.sql("DELETE FROM mj_task").update();
        String[][] rows = {{"t1", "NOT_START", "acc-1"}, {"t2", "NOT_START", null}, {"t3", "NOT_START", null},
                {"t4", "IN_PROGRESS", "acc-1"}, {"t5", "SUCCESS", null}};
        for (String[] row : rows) {
            sql.sql("INSERT INTO mj_task (id, status, action, account_id, submit_time, task_json, internal_json) "
                    + "VALUES (:id, :status, 'IMAGINE', :account, 1, '{}', '{}')").param("id", row[0])
                    .param("status", row[1]).param("account", row[2]).update();
        }

        assertThat(store.queueDepth()).isEqualTo(new LeaseStore.QueueDepth(3, 2));
        sql.sql("DELETE FROM mj_task").update();
    }

    @Test
    void aClaimedAccountCannotBeClaimedByAnotherUntilItExpires() {
        assertThat(store.claim("acc-1", "i-a", TTL)).contains(1L);
        assertThat(store.claim("acc-1", "i-b", TTL)).isEmpty();
        assertThat(store.claim("acc-1", "i-a", TTL)).as("not even by its owner: it holds it already").isEmpty();

        LeaseStore.Lease lease = store.leases().get(0);
        assertThat(lease.owner()).isEqualTo("i-a");
        assertThat(lease.valid()).isTrue();
        assertThat(lease.expiresInMillis()).isBetween(TTL.toMillis() - 5_000, TTL.toMillis());
    }

    @Test
    void ofManyInstancesClaimingOneAccountAtOnceExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<Long>>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String owner = "i-" + i;
                claims.add(() -> store.claim("contested", owner, TTL));
            }
            List<Optional<Long>> won = new ArrayList<>();
            for (Future<Optional<Long>> claim : pool.invokeAll(claims)) {
                won.add(claim.get());
            }
            assertThat(won.stream().filter(Optional::isPresent)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyTheOwnerAtItsEpochRenews() {
        long epoch = store.claim("acc-1", "i-a", TTL).orElseThrow();
        store.claim("acc-2", "i-b", TTL).orElseThrow();

        assertThat(store.renew("i-a", Map.of("acc-1", epoch, "acc-2", 1L), TTL)).containsExactly("acc-1");
        assertThat(store.renew("i-a", Map.of("acc-1", epoch + 1), TTL)).as("a stale epoch").isEmpty();
        assertThat(store.renew("i-b", Map.of("acc-1", epoch), TTL)).isEmpty();
    }

    @Test
    void anExpiredLeaseGoesToTheNextClaimWithTheNextEpochAndItsOldOwnerCannotRenewIt() {
        long first = store.claim("acc-1", "i-a", Duration.ofMillis(300)).orElseThrow();
        Waits.await("the database to see the lease expired", Duration.ofSeconds(10))
                .until(() -> store.leases().get(0).valid(), valid -> !valid.booleanValue());

        assertThat(store.claim("acc-1", "i-b", TTL)).contains(first + 1);
        assertThat(store.renew("i-a", Map.of("acc-1", first), TTL)).isEmpty();
        assertThat(store.leases().get(0).owner()).isEqualTo("i-b");
    }

    @Test
    void aReleasedLeaseIsFreeAtOnce() {
        long epoch = store.claim("acc-1", "i-a", TTL).orElseThrow();
        store.release("acc-1", "i-b", epoch);
        assertThat(store.claim("acc-1", "i-b", TTL)).as("only the owner releases").isEmpty();

        store.release("acc-1", "i-a", epoch);

        assertThat(store.claim("acc-1", "i-b", TTL)).contains(epoch + 1);
    }

    @Test
    void theRegistryShowsLiveInstancesAndALeavingOneReleasesEverything() {
        store.register("i-a", "10.0.0.1", 8080);
        store.register("i-b", "10.0.0.2", 8081);
        store.claim("acc-1", "i-a", TTL).orElseThrow();
        store.claim("acc-2", "i-a", TTL).orElseThrow();
        assertThat(store.heartbeat("i-a")).isTrue();

        assertThat(store.liveInstances(TTL)).extracting(LeaseStore.Instance::id).containsExactly("i-a", "i-b");
        assertThat(LeaseStore.heldBy(store.leases())).containsEntry("i-a", List.of("acc-1", "acc-2"));

        store.leave("i-a");

        assertThat(store.liveInstances(TTL)).extracting(LeaseStore.Instance::id).containsExactly("i-b");
        assertThat(store.heartbeat("i-a")).as("gone from the registry").isFalse();
        assertThat(store.claim("acc-1", "i-b", TTL)).isPresent();
        assertThat(store.claim("acc-2", "i-b", TTL)).isPresent();
    }

    @Test
    void liveInstancesHoldDifferentTaskIdSlotsAndADeadOnesSlotIsFreeAgain() {
        java.util.Set<Integer> slots = new java.util.HashSet<>();
        for (int i = 0; i < LeaseStore.ID_SLOTS; i++) {
            store.register("slot-" + i, "10.0.0.1", 8080);
            assertThat(slots.add(store.claimIdSlot("slot-" + i, TTL))).as("slot of instance %d", i).isTrue();
        }
        store.register("one-too-many", "10.0.0.1", 8080);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.claimIdSlot("one-too-many", TTL))
                .hasMessageContaining("at most 100 instances");

        JdbcClient.create(schema.dataSource())
                .sql("UPDATE mj_cluster_instance SET heartbeat_at = now() - INTERVAL '31 seconds' WHERE instance_id = 'slot-42'")
                .update();
        int taken = JdbcClient.create(schema.dataSource())
                .sql("SELECT id_slot FROM mj_cluster_instance WHERE instance_id = 'slot-42'").query(Integer.class).single();
        assertThat(store.claimIdSlot("one-too-many", TTL)).as("the silent instance's slot").isEqualTo(taken);
    }

    @Test
    void anInstanceSilentForLongerThanTheTtlIsNotLive() {
        store.register("i-a", null, null);
        JdbcClient.create(schema.dataSource())
                .sql("UPDATE mj_cluster_instance SET heartbeat_at = now() - INTERVAL '31 seconds'").update();

        assertThat(store.liveInstances(TTL)).isEmpty();
        assertThat(store.forgetSilent(Duration.ofSeconds(30))).isEqualTo(1);
    }
}
