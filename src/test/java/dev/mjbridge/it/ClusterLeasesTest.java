package dev.mjbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import dev.mjbridge.cluster.LeaseKeeper;
import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.testing.PostgresSchema;
import dev.mjbridge.testing.Waits;

/**
 * Several instances (application contexts of their own, each on its own port) on one PostgreSQL
 * schema, one sandbox with six accounts and one accounts.yml. While instances join, leave cleanly
 * and go silent, a sampler reads the sandbox's live gateway sessions per user the whole time: no
 * account ever has two. Each settled state has every account connected once and fair shares, and
 * jobs submitted to an instance meanwhile succeed on that instance's accounts.
 */
class ClusterLeasesTest {

    private static final String ADMIN = "cluster-admin";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path dir;
    static SandboxedAccounts sandbox;
    static PostgresSchema schema;

    private final List<Node> nodes = new CopyOnWriteArrayList<>();
    private SessionSampler sampler;

    @BeforeAll
    static void sandboxAndDatabase() {
        schema = PostgresSchema.migrated("cluster_leases");
        sandbox = SandboxedAccounts.start(SandboxSettings.forTests(), 6, dir, 1);
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
    void stopNodes() {
        nodes.forEach(Node::close);
        if (sampler != null) {
            sampler.close();
        }
    }

    @Test
    void accountsAreSharedJoinedLeftAndTakenOverWithoutEverBeingConnectedTwice() {
        sampler = new SessionSampler();
        Node a = start("node-a");
        Node b = start("node-b");
        awaitSettled(List.of(a, b));
        assertOverview(a, List.of(a, b));
        List<String> jobs = new ArrayList<>();
        jobs.addAll(submit(a, 2, "two instances"));
        jobs.addAll(submit(b, 2, "two instances"));

        Node c = start("node-c");
        jobs.addAll(submit(a, 2, "while node-c joins"));
        jobs.addAll(submit(b, 2, "while node-c joins"));
        awaitSettled(List.of(a, b, c));
        awaitSucceeded(jobs);

        b.close();
        jobs.addAll(submit(a, 2, "while node-b leaves"));
        jobs.addAll(submit(c, 1, "while node-b leaves"));
        awaitSettled(List.of(a, c));
        awaitSucceeded(jobs);

        // node-c stops renewing without releasing, as a process cut off from the database would.
        c.keeper().goSilent();
        jobs.addAll(submit(a, 2, "while node-c is silent"));
        Waits.await("node-c to stop every session of its own accord", WAIT)
                .until(() -> c.keeper().held().isEmpty() && c.accounts().isEmpty(), stopped -> stopped);
        awaitSettled(List.of(a));
        jobs.addAll(submit(a, 2, "after the takeover"));
        awaitSucceeded(jobs);

        assertThat(sampler.doubles()).as("an account with two live gateway sessions").isEmpty();
        assertThat(sampler.samples()).as("the sampler ran throughout").isGreaterThan(100);
    }

    @Test
    void anInstanceThatCannotRenewStopsEverySessionAndConnectsThemAgainWhenTheDatabaseAnswers() throws Exception {
        sampler = new SessionSampler();
        Node d = start("node-d");
        awaitSettled(List.of(d));

        // The lease table locked by another transaction: every renewal hangs until its statement
        // timeout, as against a database that stopped answering; the instance's other work goes on.
        try (Connection blocker = schema.dataSource().getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("LOCK TABLE mj_account_lease IN ACCESS EXCLUSIVE MODE");
            }
            Waits.await("node-d to stop every session of its own accord", WAIT).until(() -> IntStream
                    .rangeClosed(1, sandbox.size())
                    .allMatch(n -> sandbox.control().liveGatewaySessions(sandbox.userId(n)) == 0), down -> down);
            assertThat(d.accounts()).isEmpty();
            assertThat(d.api.post("/mj/submit/imagine", "{\"prompt\": \"no account now\"}").body().path("code").asInt())
                    .isEqualTo(23);
            blocker.rollback();
        }

        awaitSettled(List.of(d));
        awaitSucceeded(submit(d, 2, "after the database answered again"));
        assertThat(sampler.doubles()).isEmpty();
    }

    @Test
    void onAFreshDatabaseTheTablesAreMadeBeforeTheInstanceJoins() {
        String fresh = "cluster_fresh_" + ProcessHandle.current().pid();
        JdbcClient sql = JdbcClient.create(schema.dataSource());
        sql.sql("DROP SCHEMA IF EXISTS " + fresh + " CASCADE").update();
        sql.sql("CREATE SCHEMA " + fresh).update();
        try {
            sampler = new SessionSampler();
            Node e = start("node-e", schema.jdbcUrl().replaceAll("currentSchema=[^&]*", "currentSchema=" + fresh));
            awaitSettled(List.of(e));
            assertThat(sql.sql("SELECT COUNT(*) FROM " + fresh + ".mj_account_lease WHERE owner_id = 'node-e'")
                    .query(Integer.class).single()).isEqualTo(sandbox.size());
            e.close();
        } finally {
            sql.sql("DROP SCHEMA IF EXISTS " + fresh + " CASCADE").update();
        }
    }

    /** Every account connected exactly once, by the instances given, in fair shares, all READY. */
    private void awaitSettled(List<Node> live) {
        int count = sandbox.size();
        int floor = count / live.size();
        int ceiling = floor + (count % live.size() == 0 ? 0 : 1);
        Waits.await("accounts shared fairly by " + live.stream().map(Node::id).toList(), WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Set<String> seen = new HashSet<>();
                    for (Node node : live) {
                        List<String> ready = node.readyAccounts();
                        if (ready.size() < floor || ready.size() > ceiling || !ready.containsAll(node.accounts())
                                || !node.keeper().held().equals(Set.copyOf(ready))) {
                            return false;
                        }
                        seen.addAll(ready);
                    }
                    return seen.size() == count && IntStream.rangeClosed(1, count)
                            .allMatch(n -> sandbox.control().liveGatewaySessions(sandbox.userId(n)) == 1);
                }, settled -> settled);
        assertThat(sampler.doubles()).isEmpty();
    }

    private void assertOverview(Node asked, List<Node> live) {
        JsonNode result = asked.api.adminGet("/mj/cluster", ADMIN).body().path("result");
        assertThat(result.path("enabled").asBoolean()).isTrue();
        assertThat(result.path("instanceId").asString()).isEqualTo(asked.id());
        List<String> ids = new ArrayList<>();
        Set<String> held = new HashSet<>();
        for (JsonNode instance : result.path("instances")) {
            ids.add(instance.path("id").asString());
            instance.path("accountsHeld").forEach(a -> held.add(a.asString()));
            assertThat(instance.path("port").asInt()).isPositive();
        }
        assertThat(ids).containsExactlyElementsOf(live.stream().map(Node::id).toList());
        assertThat(held).hasSize(sandbox.size());
        for (JsonNode lease : result.path("leases")) {
            assertThat(lease.path("epoch").asLong()).isPositive();
            assertThat(lease.path("expiresInMillis").asLong()).isPositive();
        }
        assertThat(asked.api.get("/mj/cluster").status()).as("without the admin secret").isEqualTo(401);
    }

    private List<String> submit(Node node, int count, String when) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = node.api.submit("/mj/submit/imagine", "{\"prompt\": \"" + node.id() + " " + when + " " + i + "\"}");
            ids.add(node.id() + "/" + id);
        }
        return ids;
    }

    /** Each job, fetched from the instance it was submitted to, ended SUCCESS with its own job. */
    private void awaitSucceeded(List<String> jobs) {
        for (String job : jobs) {
            String nodeId = job.substring(0, job.indexOf('/'));
            Node node = nodes.stream().filter(n -> n.id().equals(nodeId)).findFirst().orElseThrow();
            JsonNode task = node.api.awaitFinal(job.substring(job.indexOf('/') + 1));
            assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("SUCCESS");
            sandbox.ownJob(task);
            assertThat(sampler.everHeld(nodeId)).as("accounts %s held", nodeId)
                    .contains(task.path("properties").path("discordInstanceId").asString());
        }
        jobs.clear();
    }

    private Node start(String id) {
        return start(id, schema.jdbcUrl());
    }

    private Node start(String id, String databaseUrl) {
        Node node = new Node(id, ClusterInstances.start(sandbox, schema, databaseUrl, id, Map.of("mj.admin-secret", ADMIN)));
        nodes.add(node);
        return node;
    }

    private static final class Node implements AutoCloseable {
        private final String id;
        private final ConfigurableApplicationContext context;
        private final MjApi api;
        private volatile boolean closed;

        Node(String id, ConfigurableApplicationContext context) {
            this.id = id;
            this.context = context;
            this.api = new MjApi(((WebServerApplicationContext) context).getWebServer().getPort());
        }

        String id() {
            return id;
        }

        LeaseKeeper keeper() {
            return context.getBean(LeaseKeeper.class);
        }

        /** The accounts this instance lists (the ones it connects). */
        List<String> accounts() {
            List<String> ids = new ArrayList<>();
            api.localAccounts().body().forEach(a -> ids.add(a.path("id").asString()));
            return ids;
        }

        List<String> readyAccounts() {
            List<String> ids = new ArrayList<>();
            api.localAccounts().body().forEach(a -> {
                if ("READY".equals(a.path("state").asString())) {
                    ids.add(a.path("id").asString());
                }
            });
            return ids;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                context.close();
            }
        }
    }

    /**
     * Reads every user's live gateway sessions at the sandbox, over and over, and keeps any moment
     * with two; notes too which accounts each running instance held.
     */
    private final class SessionSampler implements AutoCloseable {
        private final List<String> doubles = new CopyOnWriteArrayList<>();
        private final Map<String, Set<String>> everHeld = new java.util.concurrent.ConcurrentHashMap<>();
        private volatile boolean running = true;
        private volatile long samples;
        private final Thread thread = new Thread(this::sample, "session-sampler");

        SessionSampler() {
            thread.setDaemon(true);
            thread.start();
        }

        private void sample() {
            while (running) {
                for (int n = 1; n <= sandbox.size(); n++) {
                    int live = sandbox.control().liveGatewaySessions(sandbox.userId(n));
                    if (live > 1) {
                        doubles.add(SandboxedAccounts.accountId(n) + " had " + live + " sessions");
                    }
                }
                for (Node node : List.copyOf(nodes)) {
                    if (!node.closed) {
                        try {
                            everHeld.computeIfAbsent(node.id(), id -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                                    .addAll(node.keeper().held());
                        } catch (RuntimeException closing) {
                            // the node's context is closing: nothing to note
                        }
                    }
                }
                samples++;
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        List<String> doubles() {
            return List.copyOf(doubles);
        }

        Set<String> everHeld(String nodeId) {
            return Set.copyOf(everHeld.getOrDefault(nodeId, Set.of()));
        }

        long samples() {
            return samples;
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }
}
