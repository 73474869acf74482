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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.testing.PostgresSchema;
import dev.mjbridge.testing.Waits;

/**
 * Any instance of a cluster takes any submit. Two instances on one PostgreSQL schema, one sandbox with
 * two accounts of three slots, one account held by each instance: a submit that the receiving instance
 * cannot start on its own account waits in the shared queue (code 22) and the other instance claims it
 * for its account; an action whose parent ran on the other instance's account runs there; a task
 * waiting in the queue is cancelled from either instance; a submit no account of the cluster suits is
 * refused with code 23.
 */
class ClusterQueueTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path dir;
    static SandboxedAccounts sandbox;
    static PostgresSchema schema;

    private final List<ConfigurableApplicationContext> contexts = new CopyOnWriteArrayList<>();
    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;

    @BeforeAll
    static void sandboxAndDatabase() {
        schema = PostgresSchema.migrated("cluster_queue");
        // Jobs long enough that the slots are still taken while the test submits the rest.
        sandbox = SandboxedAccounts.start(SandboxSettings.forTests().withFastJobDuration(Duration.ofSeconds(4)),
                2, dir, 1);
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

    @BeforeEach
    void twoInstancesOneAccountEach() {
        first = start("queue-a-" + contexts.size());
        second = start("queue-b-" + contexts.size());
        Waits.await("one account READY on each instance", WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> readyAccounts(first).size() == 1 && readyAccounts(second).size() == 1
                        && keeper(first).heldElsewhere().size() == 1 && keeper(second).heldElsewhere().size() == 1,
                        settled -> settled);
    }

    @AfterEach
    void stopInstances() {
        contexts.forEach(ConfigurableApplicationContext::close);
        contexts.clear();
    }

    @Test
    void submitsTheReceivingInstanceCannotStartRunOnTheOtherInstancesAccount() {
        String firstAccount = readyAccounts(first).get(0);
        String secondAccount = readyAccounts(second).get(0);
        List<String> ids = new ArrayList<>();
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            MjApi.Response response = api(first).post("/mj/submit/imagine",
                    "{\"prompt\": \"shared queue lighthouse " + i + "\"}");
            codes.add(response.body().path("code").asInt());
            ids.add(response.body().path("result").asString());
        }
        // Three slots free on the first instance's account, then the shared queue.
        assertThat(codes).as("submit codes").containsExactly(1, 1, 1, 22, 22, 22);

        List<String> accounts = new ArrayList<>();
        for (String id : ids) {
            JsonNode task = api(second).awaitFinal(id);
            assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("SUCCESS");
            accounts.add(task.path("properties").path("discordInstanceId").asString());
            String nonce = task.path("properties").path("nonce").asString();
            assertThat(sandbox.control().received().interactionsWithNonce(nonce)).as("sends of %s", id).isEqualTo(1);
        }
        assertThat(accounts.subList(0, 3)).as("started at once on the receiving instance").containsOnly(firstAccount);
        assertThat(accounts.subList(3, 6)).as("claimed by the other instance").containsOnly(secondAccount);
    }

    @Test
    void anActionOnATaskOfTheOtherInstancesAccountRunsThere() {
        String secondAccount = readyAccounts(second).get(0);
        String parentId = api(second).submit("/mj/submit/imagine", "{\"prompt\": \"a parent on the second\"}");
        JsonNode parent = api(second).awaitFinal(parentId);
        assertThat(parent.path("status").asString()).isEqualTo("SUCCESS");

        MjApi.Response action = api(first).post("/mj/submit/action", "{\"taskId\": \"" + parentId
                + "\", \"customId\": \"" + MjApi.button(parent, "U1") + "\"}");
        assertThat(action.body().path("code").asInt()).as(action.raw()).isEqualTo(22);
        JsonNode upscale = api(first).awaitFinal(action.body().path("result").asString());
        assertThat(upscale.path("status").asString()).as(upscale.toString()).isEqualTo("SUCCESS");
        assertThat(upscale.path("properties").path("discordInstanceId").asString()).isEqualTo(secondAccount);
    }

    @Test
    void aTaskWaitingInTheSharedQueueIsCancelledFromEitherInstance() {
        List<String> running = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            running.add(api(first).submit("/mj/submit/imagine", "{\"prompt\": \"busy first " + i + "\"}"));
            running.add(api(second).submit("/mj/submit/imagine", "{\"prompt\": \"busy second " + i + "\"}"));
        }
        MjApi.Response waiting = api(first).post("/mj/submit/imagine", "{\"prompt\": \"never sent\"}");
        assertThat(waiting.body().path("code").asInt()).as(waiting.raw()).isEqualTo(22);
        String id = waiting.body().path("result").asString();

        MjApi.Response cancel = api(second).post("/mj/task/" + id + "/cancel", "");
        assertThat(cancel.body().path("code").asInt()).as(cancel.raw()).isEqualTo(1);
        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            assertThat(api(instance).fetch(id).path("status").asString()).isEqualTo("CANCEL");
        }
        for (String busy : running) {
            assertThat(api(first).awaitFinal(busy).path("status").asString()).isEqualTo("SUCCESS");
        }
        JsonNode nonce = api(second).fetch(id).path("properties").path("nonce");
        assertThat(nonce.isMissingNode() || nonce.isNull()).as("the cancelled task was never sent: " + nonce).isTrue();
    }

    @Test
    void aCancelSentToTheOtherInstanceStopsARunningActionWhereItRuns() {
        JsonNode parent = api(second).awaitFinal(api(second).submit("/mj/submit/imagine",
                "{\"prompt\": \"a kite to stop\"}"));
        JsonNode upscale = api(second).awaitFinal(api(second).submit("/mj/submit/action", "{\"taskId\": \""
                + parent.path("id").asString() + "\", \"customId\": \"" + MjApi.button(parent, "U1") + "\"}"));
        Duration jobs = sandbox.control().fastJobDuration();
        sandbox.control().setFastJobDuration(Duration.ofMinutes(2));
        try {
            String vary = api(second).submit("/mj/submit/action", "{\"taskId\": \"" + upscale.path("id").asString()
                    + "\", \"customId\": \"" + MjApi.button(upscale, "Vary (Strong)") + "\"}");
            api(first).awaitStatus(vary, "IN_PROGRESS");

            // The first instance does not follow the task: the second presses its Cancel Job.
            MjApi.Response answer = api(first).post("/mj/task/" + vary + "/cancel", "");
            assertThat(answer.body().path("code").asInt()).as(answer.raw()).isEqualTo(1);
            assertThat(answer.body().path("description").asString()).containsIgnoringCase("stopping");
            JsonNode stopped = api(first).awaitFinal(vary);
            assertThat(stopped.path("failReason").asString()).isEqualTo("Midjourney stopped the job (Cancel Job pressed)");
        } finally {
            sandbox.control().setFastJobDuration(jobs);
        }
    }

    @Test
    void aModalAnsweredOnTheOtherInstanceRunsOnTheAccountOfItsParent() {
        String secondAccount = readyAccounts(second).get(0);
        JsonNode parent = api(second).awaitFinal(api(second).submit("/mj/submit/imagine",
                "{\"prompt\": \"a lighthouse to zoom\"}"));
        JsonNode upscale = api(second).awaitFinal(api(second).submit("/mj/submit/action", "{\"taskId\": \""
                + parent.path("id").asString() + "\", \"customId\": \"" + MjApi.button(parent, "U1") + "\"}"));

        // The press lands on the first instance, the answer too: the second, holding the account, sends both.
        MjApi.Response pressed = api(first).post("/mj/submit/action", "{\"taskId\": \"" + upscale.path("id").asString()
                + "\", \"customId\": \"" + MjApi.button(upscale, "CustomZoom") + "\"}");
        assertThat(pressed.body().path("code").asInt()).as(pressed.raw()).isEqualTo(21);
        String id = pressed.body().path("result").asString();
        MjApi.Response answered = api(first).post("/mj/submit/modal", "{\"taskId\": \"" + id
                + "\", \"prompt\": \"a lighthouse to zoom --zoom 2\"}");
        assertThat(answered.body().path("code").asInt()).as(answered.raw()).isEqualTo(1);

        JsonNode zoomed = api(first).awaitFinal(id);
        assertThat(zoomed.path("status").asString()).as(zoomed.toString()).isEqualTo("SUCCESS");
        assertThat(zoomed.path("properties").path("discordInstanceId").asString()).isEqualTo(secondAccount);
        assertThat(sandbox.control().received().interactionsWithNonce(zoomed.path("properties").path("nonce").asString()))
                .isEqualTo(1);
    }

    @Test
    void aSubmitNoAccountOfTheClusterSuitsIsRefusedWithCode23() {
        MjApi.Response response = api(first).post("/mj/submit/imagine",
                "{\"prompt\": \"nowhere\", \"accountFilter\": {\"instanceId\": \"no-such-account\"}}");
        assertThat(response.body().path("code").asInt()).as(response.raw()).isEqualTo(23);
        // The other instance's account suits a filter naming it: the task waits for it (or starts at once).
        String secondAccount = readyAccounts(second).get(0);
        MjApi.Response there = api(first).post("/mj/submit/imagine",
                "{\"prompt\": \"over there\", \"accountFilter\": {\"instanceId\": \"" + secondAccount + "\"}}");
        assertThat(there.body().path("code").asInt()).as(there.raw()).isEqualTo(22);
        JsonNode task = api(first).awaitFinal(there.body().path("result").asString());
        assertThat(task.path("status").asString()).isEqualTo("SUCCESS");
        assertThat(task.path("properties").path("discordInstanceId").asString()).isEqualTo(secondAccount);
    }




    private ConfigurableApplicationContext start(String id) {
        ConfigurableApplicationContext context = ClusterInstances.start(sandbox, schema, schema.jdbcUrl(), id, Map.of());
        contexts.add(context);
        return context;
    }
}
