package dev.mjbridge.it;

import static dev.mjbridge.it.ClusterInstances.api;
import static dev.mjbridge.it.ClusterInstances.keeper;
import static dev.mjbridge.it.ClusterInstances.readyAccounts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.testing.PostgresSchema;
import dev.mjbridge.testing.Waits;

/**
 * Tasks in flight follow their account when its lease moves. Two instances on one PostgreSQL schema
 * and one sandbox with four accounts; jobs run on one instance's accounts when it goes silent (stops
 * renewing, as a process cut off from the database) or closes. The other instance claims the accounts,
 * takes their tasks up from the database and follows them: every job ends SUCCESS in the database,
 * stamped with the new owner and a newer epoch, and the sandbox accepted each job's nonce once.
 */
class ClusterTasksTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path dir;
    static SandboxedAccounts sandbox;
    static PostgresSchema schema;

    private final List<ConfigurableApplicationContext> contexts = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void sandboxAndDatabase() {
        schema = PostgresSchema.migrated("cluster_tasks");
        // Jobs long enough to be caught running when their instance goes away.
        sandbox = SandboxedAccounts.start(SandboxSettings.forTests().withFastJobDuration(Duration.ofSeconds(5)),
                4, dir, 1);
    }

    @AfterAll
    static void closeThem() {
        if (sandbox != null) {
            sandbox.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @AfterEach
    void stopInstances() {
        contexts.forEach(ConfigurableApplicationContext::close);
        contexts.clear();
    }

    @Test
    void jobsRunningOnASilencedInstanceEndSuccessOnTheInstanceThatClaimsItsAccounts() {
        runWhileTheFirstInstanceGoes("silent-a", "silent-b", 6, first -> keeper(first).goSilent());
    }

    @Test
    void jobsRunningAndQueuedOnAClosedInstanceEndSuccessOnTheInstanceThatClaimsItsAccounts() {
        // Two accounts of three slots: the last three wait in the cluster's queue, and the second instance
        // claims them for its own accounts.
        runWhileTheFirstInstanceGoes("closed-a", "closed-b", 9, ConfigurableApplicationContext::close);
    }

    private void runWhileTheFirstInstanceGoes(String firstId, String secondId, int jobs,
                                              Consumer<ConfigurableApplicationContext> goAway) {
        ConfigurableApplicationContext first = start(firstId);
        ConfigurableApplicationContext second = start(secondId);
        awaitSharedInHalves(first, second);
        MjApi api = api(first);
        Set<String> firstAccounts = keeper(first).held();
        Map<String, Long> epochsBefore = leaseEpochs();

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            ids.add(api.submit("/mj/submit/imagine", "{\"prompt\": \"" + firstId + " followed " + i + "\"}"));
        }
        // Gone while the first jobs run at Discord (the rest, if any, wait in the queue).
        api.awaitTask(ids.get(0), t -> t.path("status").asString().equals("IN_PROGRESS"), "IN_PROGRESS");
        goAway.accept(first);

        JdbcClient db = JdbcClient.create(schema.dataSource());
        Waits.await("every job SUCCESS in the database", WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> db.sql("SELECT COUNT(*) FROM mj_task WHERE id IN (:ids) AND status = 'SUCCESS'")
                        .param("ids", ids).query(Integer.class).single(), done -> done == ids.size());
        int followed = 0;
        for (String id : ids) {
            Map<String, Object> row = db.sql("SELECT account_id, nonce, lease_owner, lease_epoch FROM mj_task "
                    + "WHERE id = :id").param("id", id).query().singleRow();
            String account = (String) row.get("account_id");
            long epoch = ((Number) row.get("lease_epoch")).longValue();
            if (!firstAccounts.contains(account)) {
                // No slot was free on the first instance: it waited in the cluster's queue for the second's account.
                assertThat(row.get("lease_owner")).as("task %s claimed from the queue", id).isEqualTo(secondId);
            } else if (secondId.equals(row.get("lease_owner"))) {
                assertThat(epoch).as("task %s's epoch under the new owner", id).isGreaterThan(epochsBefore.get(account));
                followed++;
            } else {
                // A job may end before the first instance's session stops: it finished it under its own lease.
                assertThat(row.get("lease_owner")).as("task %s's owner", id).isEqualTo(firstId);
                assertThat(epoch).as("task %s's epoch under the first owner", id).isEqualTo(epochsBefore.get(account));
            }
            String nonce = (String) row.get("nonce");
            assertThat(sandbox.control().received().interactionsWithNonce(nonce)).as("sends of %s", id).isEqualTo(1);
            assertThat(sandbox.control().received().acceptedInteractionsWithNonce(nonce)).as("accepted %s", id)
                    .isEqualTo(1);
            JsonNode fetched = api(second).fetch(id);
            assertThat(fetched.path("status").asString()).as("%s fetched from %s", id, secondId).isEqualTo("SUCCESS");
            if (first.isActive()) {
                // The silenced instance let go of the tasks of the accounts it lost: it answers what the database says.
                assertThat(api(first).get("/mj/task/" + id + "/fetch").raw()).as("%s fetched from %s", id, firstId)
                        .isEqualTo(api(second).get("/mj/task/" + id + "/fetch").raw());
            }
        }
        assertThat(followed).as("tasks the new owner followed to the end").isPositive();
    }

    private Map<String, Long> leaseEpochs() {
        Map<String, Long> epochs = new LinkedHashMap<>();
        JdbcClient.create(schema.dataSource()).sql("SELECT account_id, epoch FROM mj_account_lease").query()
                .listOfRows().forEach(r -> epochs.put((String) r.get("account_id"), ((Number) r.get("epoch")).longValue()));
        return epochs;
    }

    private void awaitSharedInHalves(ConfigurableApplicationContext first, ConfigurableApplicationContext second) {
        int half = sandbox.size() / 2;
        Waits.await("the accounts shared in halves, all READY", WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> readyAccounts(first).size() == half && readyAccounts(second).size() == half
                        && keeper(first).held().size() == half && keeper(second).held().size() == half,
                        settled -> settled);
    }




    private ConfigurableApplicationContext start(String id) {
        // No drain: the closed instance stops its sessions at once, running jobs or not (ClusterDrainTest drains).
        ConfigurableApplicationContext context = ClusterInstances.start(sandbox, schema, schema.jdbcUrl(), id,
                Map.of("mj.cluster.drain-timeout", "0s"));
        contexts.add(context);
        return context;
    }
}
