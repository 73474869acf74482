package dev.mjbridge.it;

import static dev.mjbridge.it.ClusterInstances.api;
import static dev.mjbridge.it.ClusterInstances.keeper;
import static dev.mjbridge.it.ClusterInstances.readyAccounts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

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
 * Webhooks in a cluster go through the database's outbox. Two instances on one PostgreSQL schema and
 * one sandbox, one webhook receiver as every task's hook: each change of a task arrives once, in order,
 * whichever instance followed the task (also one that moved mid-job) and whichever delivered it; and a
 * delivery an instance was still posting when it closed is delivered by the other one.
 */
class ClusterWebhooksTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String ADMIN = "cluster-webhooks-admin-secret";

    @TempDir
    static Path dir;
    static SandboxedAccounts sandbox;
    static PostgresSchema schema;

    private final List<ConfigurableApplicationContext> contexts = new CopyOnWriteArrayList<>();
    private HookReceiver receiver;

    @BeforeAll
    static void sandboxAndDatabase() {
        schema = PostgresSchema.migrated("cluster_webhooks");
        // Jobs long enough to be caught running when their instance closes.
        sandbox = SandboxedAccounts.start(SandboxSettings.forTests().withFastJobDuration(Duration.ofSeconds(3)),
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
        if (receiver != null) {
            receiver.close();
        }
        // Rows left for this test's receiver are not the next test's business.
        JdbcClient db = JdbcClient.create(schema.dataSource());
        db.sql("DELETE FROM mj_webhook_attempt").update();
        db.sql("DELETE FROM mj_webhook_outbox").update();
    }

    @Test
    void eachChangeOfEveryTaskArrivesOnceAndInOrderWhicheverInstanceFollowsIt() throws Exception {
        receiver = new HookReceiver(HookReceiver.Mode.ACCEPT);
        ConfigurableApplicationContext first = start("hooks-a");
        ConfigurableApplicationContext second = start("hooks-b");
        awaitSharedInHalves(first, second);

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(api(first).submit("/mj/submit/imagine", "{\"prompt\": \"hooks on a " + i + "\"}"));
            ids.add(api(second).submit("/mj/submit/imagine", "{\"prompt\": \"hooks on b " + i + "\"}"));
        }
        awaitSuccessInTheDatabase(ids);
        awaitAllDelivered(ids);

        JdbcClient db = JdbcClient.create(schema.dataSource());
        for (String id : ids) {
            List<String> rows = db.sql("SELECT delivery_id FROM mj_webhook_outbox WHERE task_id = :id AND "
                    + "state = 'DELIVERED' ORDER BY seq").param("id", id).query(String.class).list();
            List<HookReceiver.Hook> received = hooksOf(id);
            assertThat(received).as("every request for %s was answered 200", id)
                    .allSatisfy(h -> assertThat(h.answered()).isEqualTo(200));
            assertThat(received).extracting(HookReceiver.Hook::deliveryId).as("deliveries of %s, in order", id)
                    .doesNotHaveDuplicates().containsExactlyElementsOf(rows);
            assertInOrderEndingInSuccess(id, received);
        }
        // The log of a task followed by one instance, read on the other.
        for (String id : List.of(ids.get(0), ids.get(1))) {
            JsonNode log = api(second).adminGet("/mj/task/" + id + "/deliveries", ADMIN).body().path("result");
            assertThat(log.size()).as("attempts of %s", id).isPositive();
            assertThat(log.get(log.size() - 1).path("status").asString()).isEqualTo("SUCCESS");
            assertThat(log.get(log.size() - 1).path("outcome").asString()).isEqualTo("SENT");
        }
    }

    @Test
    void aDeliveryUnderWayOnAnInstanceThatClosesIsDeliveredByTheOther() throws Exception {
        receiver = new HookReceiver(HookReceiver.Mode.HOLD);
        // Alone at first, so this instance follows the task and makes the first attempt.
        ConfigurableApplicationContext first = start("closing-a");
        Waits.await("the first instance holding every account", WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> keeper(first).held().size(), held -> held == sandbox.size());
        String id = api(first).submit("/mj/submit/imagine", "{\"prompt\": \"a hook under way\"}");
        HookReceiver.Hook held = Waits.await("the first state's post, held by the receiver", WAIT)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> hooksOf(id), hooks -> !hooks.isEmpty()).get(0);
        awaitSuccessInTheDatabase(List.of(id));

        ConfigurableApplicationContext second = start("closing-b");
        receiver.answer(HookReceiver.Mode.ACCEPT);
        first.close();
        awaitAllDelivered(List.of(id));

        List<HookReceiver.Hook> accepted = hooksOf(id).stream().filter(h -> h.answered() == 200).toList();
        assertThat(accepted).extracting(HookReceiver.Hook::deliveryId).as("accepted deliveries")
                .doesNotHaveDuplicates().startsWith(held.deliveryId());
        assertInOrderEndingInSuccess(id, accepted);
        JdbcClient db = JdbcClient.create(schema.dataSource());
        assertThat(db.sql("SELECT DISTINCT instance_id FROM mj_webhook_attempt WHERE task_id = :id AND outcome = 'SENT'")
                .param("id", id).query(String.class).list()).as("who delivered").containsExactly("closing-b");
        assertThat(api(second).fetch(id).path("status").asString()).isEqualTo("SUCCESS");
    }

    @Test
    void theWebhooksOfATaskThatMovesToTheOtherInstanceMidJobArriveOnceEachAndInOrder() throws Exception {
        receiver = new HookReceiver(HookReceiver.Mode.ACCEPT);
        ConfigurableApplicationContext first = start("moving-a");
        ConfigurableApplicationContext second = start("moving-b");
        awaitSharedInHalves(first, second);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(api(first).submit("/mj/submit/imagine", "{\"prompt\": \"moving hooks " + i + "\"}"));
        }
        api(first).awaitTask(ids.get(0), t -> t.path("status").asString().equals("IN_PROGRESS"), "IN_PROGRESS");
        first.close();

        awaitSuccessInTheDatabase(ids);
        awaitAllDelivered(ids);
        JdbcClient db = JdbcClient.create(schema.dataSource());
        int moved = 0;
        for (String id : ids) {
            List<HookReceiver.Hook> received = hooksOf(id);
            assertThat(received).extracting(HookReceiver.Hook::deliveryId).as("deliveries of %s", id)
                    .doesNotHaveDuplicates();
            assertThat(received).extracting(h -> state(h.body())).as("states posted for %s", id)
                    .doesNotHaveDuplicates();
            assertInOrderEndingInSuccess(id, received);
            if ("moving-b".equals(db.sql("SELECT lease_owner FROM mj_task WHERE id = :id").param("id", id)
                    .query(String.class).single())) {
                moved++;
            }
        }
        assertThat(moved).as("tasks the second instance followed to the end").isPositive();
    }

    private static String state(String body) {
        JsonNode task = MjApi.json().readTree(body);
        return task.path("status").asString() + " " + task.path("progress").asString();
    }

    private void assertInOrderEndingInSuccess(String id, List<HookReceiver.Hook> hooks) {
        List<String> statuses = new ArrayList<>();
        int lastRank = -1;
        int lastProgress = -1;
        for (HookReceiver.Hook hook : hooks) {
            JsonNode task = MjApi.json().readTree(hook.body());
            assertThat(task.path("id").asString()).isEqualTo(id);
            String status = task.path("status").asString();
            int rank = List.of("NOT_START", "SUBMITTED", "IN_PROGRESS", "SUCCESS").indexOf(status);
            int progress = Integer.parseInt(task.path("progress").asString().replace("%", ""));
            assertThat(rank).as("status of %s after %s", id, statuses).isGreaterThanOrEqualTo(lastRank);
            if (rank == lastRank) {
                assertThat(progress).as("progress of %s after %s", id, statuses).isGreaterThan(lastProgress);
            }
            lastRank = rank;
            lastProgress = progress;
            statuses.add(status + " " + progress + "%");
        }
        assertThat(statuses).as("states posted for %s", id).isNotEmpty().last().asString().startsWith("SUCCESS");
    }

    private List<HookReceiver.Hook> hooksOf(String id) {
        return receiver.hooks().stream().filter(h -> h.body().contains("\"id\":\"" + id + "\"")).toList();
    }

    private void awaitSuccessInTheDatabase(List<String> ids) {
        JdbcClient db = JdbcClient.create(schema.dataSource());
        Waits.await("every task SUCCESS in the database", WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> db.sql("SELECT COUNT(*) FROM mj_task WHERE id IN (:ids) AND status = 'SUCCESS'")
                        .param("ids", ids).query(Integer.class).single(), done -> done == ids.size());
    }

    /** Each task's SUCCESS row delivered and nothing of it pending. */
    private void awaitAllDelivered(List<String> ids) {
        JdbcClient db = JdbcClient.create(schema.dataSource());
        Waits.await("every task's webhooks delivered", WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> db.sql("""
                        SELECT COUNT(*) FROM mj_webhook_outbox o WHERE o.task_id IN (:ids) AND o.task_status = 'SUCCESS'
                          AND o.state = 'DELIVERED' AND NOT EXISTS (SELECT 1 FROM mj_webhook_outbox p
                              WHERE p.task_id = o.task_id AND p.state = 'PENDING')
                        """).param("ids", ids).query(Integer.class).single(), done -> done == ids.size());
    }

    private void awaitSharedInHalves(ConfigurableApplicationContext first, ConfigurableApplicationContext second) {
        int half = sandbox.size() / 2;
        Waits.await("the accounts shared in halves", WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> keeper(first).held().size() == half && keeper(second).held().size() == half
                        && readyAccounts(first).size() == half && readyAccounts(second).size() == half, settled -> settled);
    }




    private ConfigurableApplicationContext start(String id) {
        ConfigurableApplicationContext context = ClusterInstances.start(sandbox, schema, schema.jdbcUrl(), id, Map.of(
                "mj.notify-hook", receiver.url(),
                "mj.admin-secret", ADMIN,
                // A long timeout: a held post stays under way until its instance closes.
                "mj.notify.timeout", "60s",
                "mj.notify.first-delay", "200ms",
                "mj.notify.max-delay", "500ms",
                "mj.notify.attempts", "50",
                // Closed without a drain: its running jobs move to the other instance mid-job.
                "mj.cluster.drain-timeout", "0s"));
        contexts.add(context);
        return context;
    }
}
