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
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import dev.mjbridge.account.AccountPool;
import dev.mjbridge.cluster.DrainExit;
import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.testing.PostgresSchema;
import dev.mjbridge.testing.Waits;

/**
 * An instance hands its accounts over before it stops. Two instances on one PostgreSQL schema and one
 * sandbox with four accounts and five-second jobs; the first drains (by {@code POST /mj/cluster/drain},
 * or by its context closing as on SIGTERM) while jobs run on its accounts. Its readiness turns DOWN and
 * the cluster shows it draining; its running jobs end SUCCESS on it, stamped with its own lease; then the
 * second holds every account, and the sandbox accepted each job's nonce once. Before that, both instances
 * list the same accounts, and admin calls and a reload sent to one instance reach the other. With a drain
 * timeout shorter than the jobs, the jobs still running at the timeout are followed to their end by the
 * other instance.
 */
class ClusterDrainTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String ADMIN = "drain-admin";

    @TempDir
    static Path dir;
    static SandboxedAccounts sandbox;
    static PostgresSchema schema;

    private final List<ConfigurableApplicationContext> contexts = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void sandboxAndDatabase() {
        schema = PostgresSchema.migrated("cluster_drain");
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
    void drainByPostEndsTheRunningJobsThenHandsEveryAccountOverAndExits() throws Exception {
        CountDownLatch exited = new CountDownLatch(1);
        ConfigurableApplicationContext first = start("post-a", context -> context.getBeanFactory()
                .registerSingleton("drainExit", (DrainExit) () -> {
                    // The process would exit here; in a test JVM the context closes, as SpringApplication.exit does.
                    SpringApplication.exit(context);
                    exited.countDown();
                }));
        ConfigurableApplicationContext second = start("post-b", null);
        awaitSharedInHalves(first, second);

        sameAccountListOnBoth(first, second);
        adminCallsReachTheOwner(first, second);
        reloadReachesEveryInstance(first);

        List<String> ids = submitOnTheFirst(first, "post", 6);
        Set<String> firstAccounts = keeper(first).held();
        MjApi.Response drained = api(first).adminPost("/mj/cluster/drain", "", ADMIN);
        assertThat(drained.status()).as("drain answer %s", drained.raw()).isEqualTo(202);
        assertThat(drained.body().path("code").asInt()).isEqualTo(1);
        Set<String> answered = new TreeSet<>();
        drained.body().path("result").path("accounts").forEach(a -> answered.add(a.asString()));
        assertThat(answered).isEqualTo(new TreeSet<>(firstAccounts));

        awaitDrainingShown(first);
        assertThat(exited.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the drained instance exited").isTrue();
        assertThat(first.isActive()).isFalse();

        everyAccountOn(second);
        jobsEndedOnTheDrainedInstance(ids, "post-a");
    }

    @Test
    void drainOnCloseEndsTheRunningJobsAndLeavesTheQueuedOnesToTheNextOwner() throws Exception {
        ConfigurableApplicationContext first = start("close-a", null);
        ConfigurableApplicationContext second = start("close-b", null);
        awaitSharedInHalves(first, second);

        // Two accounts of three slots: six run, three wait in their accounts' queues.
        List<String> ids = submitOnTheFirst(first, "close", 9);
        // SIGTERM closes the context; the close blocks until the drain ended.
        CompletableFuture<Void> closed = CompletableFuture.runAsync(first::close);
        awaitDrainingShown(first);
        closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        everyAccountOn(second);
        JdbcClient db = JdbcClient.create(schema.dataSource());
        awaitAllSuccess(db, ids);
        int onFirst = 0;
        for (String id : ids) {
            Map<String, Object> row = db.sql("SELECT nonce, lease_owner FROM mj_task WHERE id = :id").param("id", id)
                    .query().singleRow();
            if ("close-a".equals(row.get("lease_owner"))) {
                onFirst++;
            } else {
                assertThat(row.get("lease_owner")).as("owner of %s", id).isEqualTo("close-b");
            }
            onceAtTheSandbox(id, (String) row.get("nonce"));
        }
        assertThat(onFirst).as("jobs that ran to their end on the draining instance").isEqualTo(6);
    }

    @Test
    void atTheDrainTimeoutTheJobsStillRunningAreStoppedAndFollowedToTheirEndByTheNextOwner() throws Exception {
        Map<String, String> shortDrain = Map.of("mj.cluster.drain-timeout", "1s");
        ConfigurableApplicationContext first = start("bound-a", null, shortDrain);
        ConfigurableApplicationContext second = start("bound-b", null, shortDrain);
        awaitSharedInHalves(first, second);

        // Five-second jobs: the one-second drain ends while they run.
        List<String> ids = submitOnTheFirst(first, "bound", 6);
        first.close();

        everyAccountOn(second);
        JdbcClient db = JdbcClient.create(schema.dataSource());
        awaitAllSuccess(db, ids);
        int followed = 0;
        for (String id : ids) {
            Map<String, Object> row = db.sql("SELECT nonce, lease_owner FROM mj_task WHERE id = :id").param("id", id)
                    .query().singleRow();
            if ("bound-b".equals(row.get("lease_owner"))) {
                followed++;
            }
            onceAtTheSandbox(id, (String) row.get("nonce"));
        }
        assertThat(followed).as("jobs cut short by the drain and followed to their end by the next owner").isPositive();
    }

    private void sameAccountListOnBoth(ConfigurableApplicationContext first, ConfigurableApplicationContext second) {
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= sandbox.size(); n++) {
            expected.add(SandboxedAccounts.accountId(n));
        }
        Waits.await("both instances list every account READY, the same way", WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> List.of(listed(first), listed(second)), lists -> lists.get(0).equals(lists.get(1))
                        && lists.get(0).size() == expected.size()
                        && lists.get(0).stream().allMatch(line -> line.endsWith(" READY")));
        assertThat(listed(first)).extracting(line -> line.substring(0, line.indexOf(' ')))
                .containsExactlyInAnyOrderElementsOf(expected);
        String elsewhere = keeper(second).held().iterator().next();
        JsonNode fetched = api(first).get("/mj/account/" + elsewhere + "/fetch").body();
        assertThat(fetched.path("id").asString()).isEqualTo(elsewhere);
        assertThat(fetched.path("state").asString()).isEqualTo("READY");
    }

    private void adminCallsReachTheOwner(ConfigurableApplicationContext first, ConfigurableApplicationContext second) {
        String elsewhere = keeper(second).held().iterator().next();
        MjApi.Response disabled = api(first).adminPost("/mj/account/" + elsewhere + "/disable",
                "{\"reason\": \"drain test\"}", ADMIN);
        assertThat(disabled.body().path("code").asInt()).as("disable on the other instance: %s", disabled.raw())
                .isEqualTo(1);
        assertThat(disabled.body().path("result").path("state").asString()).isEqualTo("DISABLED");
        AccountPool owner = second.getBean(AccountPool.class);
        assertThat(owner.find(elsewhere).orElseThrow().disabled()).as("disabled on its owner").isTrue();
        assertThat(first.getBean(AccountPool.class).find(elsewhere)).as("not connected on the first").isEmpty();

        MjApi.Response enabled = api(first).adminPost("/mj/account/" + elsewhere + "/enable", "", ADMIN);
        assertThat(enabled.body().path("code").asInt()).as("enable: %s", enabled.raw()).isEqualTo(1);
        assertThat(owner.find(elsewhere).orElseThrow().disabled()).as("enabled again on its owner").isFalse();

        MjApi.Response wrongSecret = api(first).adminPost("/mj/account/" + elsewhere + "/disable", "", "nope");
        assertThat(wrongSecret.status()).as("a wrong secret is refused before any forwarding").isEqualTo(401);
        assertThat(owner.find(elsewhere).orElseThrow().disabled()).isFalse();
        SandboxedAccounts.awaitAllReady(owner, WAIT);
    }

    private void reloadReachesEveryInstance(ConfigurableApplicationContext first) {
        MjApi.Response reloaded = api(first).adminPost("/mj/account/reload", "", ADMIN);
        assertThat(reloaded.body().path("code").asInt()).as("reload: %s", reloaded.raw()).isEqualTo(1);
        JsonNode instances = reloaded.body().path("properties").path("instances");
        assertThat(instances.path(keeper(first).instanceId()).asString()).isEqualTo("applied");
        assertThat(instances.size()).as("instances reached: %s", instances).isEqualTo(2);
        instances.forEach(outcome -> assertThat(outcome.asString()).isEqualTo("applied"));
    }

    private List<String> submitOnTheFirst(ConfigurableApplicationContext first, String name, int jobs) {
        MjApi api = api(first);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            ids.add(api.submit("/mj/submit/imagine", "{\"prompt\": \"" + name + " drained " + i + "\"}"));
        }
        api.awaitTask(ids.get(0), t -> t.path("status").asString().equals("IN_PROGRESS"), "IN_PROGRESS");
        return ids;
    }

    /** Readiness DOWN and the cluster showing the instance draining, while its jobs still run. */
    private void awaitDrainingShown(ConfigurableApplicationContext first) {
        MjApi api = api(first);
        Waits.await("readiness DOWN while draining", WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/actuator/health/readiness").status(), status -> status == 503);
        JsonNode cluster = Waits.await("GET /mj/cluster shows it draining", WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> api.adminGet("/mj/cluster", ADMIN).body().path("result"),
                        answer -> answer.path("draining").asBoolean());
        boolean listedDraining = false;
        for (JsonNode instance : cluster.path("instances")) {
            if (instance.path("id").asString().equals(cluster.path("instanceId").asString())) {
                listedDraining = instance.path("draining").asBoolean();
            }
        }
        assertThat(listedDraining).as("the registry shows it draining: %s", cluster).isTrue();
        assertThat(cluster.has("queued") && cluster.has("waitingForAnAccount")).isTrue();
    }

    private void everyAccountOn(ConfigurableApplicationContext second) {
        Waits.await("the other instance holds every account", WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> keeper(second).held().size(), held -> held == sandbox.size());
    }

    private void jobsEndedOnTheDrainedInstance(List<String> ids, String drained) {
        JdbcClient db = JdbcClient.create(schema.dataSource());
        awaitAllSuccess(db, ids);
        for (String id : ids) {
            Map<String, Object> row = db.sql("SELECT nonce, lease_owner FROM mj_task WHERE id = :id").param("id", id)
                    .query().singleRow();
            assertThat(row.get("lease_owner")).as("task %s ended on the draining instance", id).isEqualTo(drained);
            onceAtTheSandbox(id, (String) row.get("nonce"));
        }
    }

    private static void awaitAllSuccess(JdbcClient db, List<String> ids) {
        Waits.await("every job SUCCESS in the database", WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> db.sql("SELECT COUNT(*) FROM mj_task WHERE id IN (:ids) AND status = 'SUCCESS'")
                        .param("ids", ids).query(Integer.class).single(), done -> done == ids.size());
    }

    private static void onceAtTheSandbox(String id, String nonce) {
        assertThat(sandbox.control().received().interactionsWithNonce(nonce)).as("sends of %s", id).isEqualTo(1);
        assertThat(sandbox.control().received().acceptedInteractionsWithNonce(nonce)).as("accepted %s", id)
                .isEqualTo(1);
    }

    private void awaitSharedInHalves(ConfigurableApplicationContext first, ConfigurableApplicationContext second) {
        int half = sandbox.size() / 2;
        Waits.await("the accounts shared in halves, all READY", WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> readyAccounts(first).size() == half && readyAccounts(second).size() == half
                        && keeper(first).held().size() == half && keeper(second).held().size() == half,
                        settled -> settled);
    }


    /** Each account as {@code "<id> <state>"}, in the order the instance lists them. */
    private static List<String> listed(ConfigurableApplicationContext context) {
        List<String> lines = new ArrayList<>();
        api(context).get("/mj/account/list").body().forEach(a -> lines.add(a.path("id").asString() + " "
                + a.path("state").asString()));
        return lines;
    }



    private ConfigurableApplicationContext start(String id,
                                                 ApplicationContextInitializer<ConfigurableApplicationContext> extra) {
        return start(id, extra, Map.of());
    }

    private ConfigurableApplicationContext start(String id,
                                                 ApplicationContextInitializer<ConfigurableApplicationContext> extra,
                                                 Map<String, String> more) {
        Map<String, String> properties = new LinkedHashMap<>(more);
        properties.put("mj.admin-secret", ADMIN);
        ConfigurableApplicationContext context = ClusterInstances.start(sandbox, schema, schema.jdbcUrl(), id,
                properties, extra == null ? List.of() : List.of(extra));
        contexts.add(context);
        return context;
    }
}
