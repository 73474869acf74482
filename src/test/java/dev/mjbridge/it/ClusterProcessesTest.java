package dev.mjbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import dev.mjbridge.testing.Waits;

/**
 * The cluster's acceptance tests with real processes: three mj-bridge JVMs on one PostgreSQL schema,
 * one sandbox with six accounts and one accounts.yml ({@link ClusterProcesses}). An instance killed
 * with SIGKILL while jobs run, every instance replaced one after another by SIGTERM (a rolling
 * restart), and an instance joining a busy cluster: every job ends SUCCESS, none is sent to Discord
 * twice, every surviving instance shows a task alike, and no account ever has two live gateway
 * sessions ({@link GatewaySessionSampler}).
 */
class ClusterProcessesTest {

    /** Jobs long enough to be caught running when an instance goes, short enough to keep the test quick. */
    private static final Duration JOB = Duration.ofMillis(1500);
    /** Every job of a test done, takeovers (a lease ttl of 3 s) included. */
    private static final Duration ALL_DONE = Duration.ofSeconds(180);
    private static final Set<String> FINAL = Set.of("SUCCESS", "FAILURE", "CANCEL");

    @TempDir
    Path dir;
    private ClusterProcesses cluster;
    private GatewaySessionSampler sampler;
    /**
     * Task ids handed out twice, by different instances: two clients' tasks sharing one row. The other
     * checks leave these ids out (their row is one of two tasks); the test fails on them at its end.
     */
    private final List<String> sameIds = new CopyOnWriteArrayList<>();
    private final Set<String> collided = ConcurrentHashMap.newKeySet();
    /** Submits of the feeder thread that were refused (answered neither 1 nor 22) or failed. */
    private final List<String> feederFailures = new CopyOnWriteArrayList<>();

    /** On a failure, the instances' logs say what they did (printed before they are cleaned up). */
    @RegisterExtension
    final AfterTestExecutionCallback logsOnFailure = context -> {
        if (context.getExecutionException().isPresent() && cluster != null) {
            System.out.println(cluster.logTails());
            System.out.println("full logs in " + cluster.logs());
        }
    };

    @AfterEach
    void closeCluster() {
        if (sampler != null) {
            sampler.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void jobsOfAnInstanceKilledMidRunEndSuccessAndEverySurvivorShowsEveryTaskAlike() {
        List<ClusterProcess> all = startCluster("procs_kill", "kill-a", "kill-b", "kill-c");
        // Every submit goes in before the kill: a submit to the killed instance would fail at the HTTP
        // level (connection refused), which a client retries elsewhere and this test is not about.
        Map<String, ClusterProcess> jobs = submitRoundRobin(all, 300, "killed mid-run");
        ClusterProcess victim = all.get(1);
        awaitRunning(victim, jobs);
        victim.kill();

        List<ClusterProcess> survivors = List.of(all.get(0), all.get(2));
        awaitFinalInDatabase(jobs.keySet());
        cluster.awaitShared(survivors);
        awaitFinalOn(survivors, jobs.keySet());
        List<String> notSuccess = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        for (String id : jobs.keySet()) {
            if (collided.contains(id)) {
                continue;
            }
            JsonNode first = survivors.get(0).api().fetch(id);
            JsonNode second = survivors.get(1).api().fetch(id);
            if (!"SUCCESS".equals(first.path("status").asString()) || !"SUCCESS".equals(second.path("status").asString())) {
                notSuccess.add(id + " (submitted to " + jobs.get(id).id() + "): " + survivors.get(0).id() + " shows "
                        + first.path("status").asString() + " " + first.path("progress").asString() + ", "
                        + survivors.get(1).id() + " shows " + second.path("status").asString() + " "
                        + second.path("progress").asString());
            } else if (!first.equals(second)) {
                differing.add(id + " (submitted to " + jobs.get(id).id() + ") differs in "
                        + JsonDifferences.between(first, second));
            }
        }
        assertThat(notSuccess).as("jobs not SUCCESS on both survivors (%d of them)", notSuccess.size()).isEmpty();
        assertThat(differing).as("tasks whose fetch differs between %s and %s", survivors.get(0), survivors.get(1))
                .isEmpty();
        assertEachSentOnce(jobs.keySet());
        assertNoIdTwiceNorSessionTwice();
    }

    @Test
    void aRollingRestartOfEveryInstanceWhileJobsRunEndsEveryJobSuccessAndSendsNoneTwice() {
        List<ClusterProcess> live = new ArrayList<>(startCluster("procs_rolling", "roll-a", "roll-b", "roll-c"));
        Map<String, ClusterProcess> jobs = new LinkedHashMap<>();
        int[] batches = {34, 33, 33};
        for (int i = 0; i < live.size(); i++) {
            // Fresh jobs before each step, so that the instance stopped has some running and some queued.
            Map<String, ClusterProcess> batch = submitRoundRobin(live, batches[i], "rolling step " + i);
            batch.forEach((id, to) -> record(jobs, id, to));
            ClusterProcess old = live.get(i);
            awaitRunning(old, batch);
            // The replacement gets a new id (a restarted process is a new instance) and the old port,
            // so that a client keeps its address.
            ClusterProcess fresh = cluster.replace(old, old.id() + "-2");
            live.set(i, fresh);
            cluster.awaitHoldingAccounts(fresh);
            Waits.await(fresh + " holding an account in the registry", ClusterProcesses.START_WAIT)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> ClusterProcesses.held(fresh).getOrDefault(fresh.id(), List.of()), held -> !held.isEmpty());
        }
        cluster.awaitShared(live);
        awaitFinalInDatabase(jobs.keySet());
        assertSucceededOn(jobs, live);
        assertEachSentOnce(jobs.keySet());
        assertNoIdTwiceNorSessionTwice();
    }

    @Test
    void anInstanceJoiningABusyClusterTakesAShareWithoutAnyJobFailing() throws Exception {
        List<ClusterProcess> first = startCluster("procs_join", "join-a", "join-b");
        Map<String, ClusterProcess> jobs = new ConcurrentHashMap<>();
        AtomicInteger fed = new AtomicInteger();
        // Jobs keep arriving on the two instances all the while the third starts and takes its share,
        // so the accounts it takes have jobs running and waiting when they move.
        ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor();
        feeder.scheduleAtFixedRate(() -> {
            int n = fed.getAndIncrement();
            ClusterProcess to = first.get(n % first.size());
            try {
                record(jobs, to.api().submit("/mj/submit/imagine", "{\"prompt\": \"joined while busy " + n + "\"}"), to);
            } catch (AssertionError | RuntimeException e) {
                // Kept for the test to fail on: thrown here, it would only stop the feeder silently.
                feederFailures.add("submit " + n + " to " + to + ": " + e.getMessage());
            }
        }, 0, 150, TimeUnit.MILLISECONDS);
        ClusterProcess joining;
        try {
            Waits.await("jobs running on both instances", Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> jobs.entrySet().stream().filter(e -> isRunning(e.getValue(), e.getKey()))
                            .map(e -> e.getValue().id()).distinct().count(), running -> running == 2);
            joining = cluster.start("join-c");
            Waits.await("join-c holding accounts, by GET /mj/cluster on join-a", ClusterProcesses.START_WAIT)
                    .pollInterval(Duration.ofMillis(200))
                    .failFast("join-c exited", () -> ClusterProcesses.assertAlive(joining))
                    .until(() -> ClusterProcesses.held(first.get(0)).getOrDefault("join-c", List.of()),
                            held -> !held.isEmpty());
            cluster.awaitShared(List.of(first.get(0), first.get(1), joining));
        } finally {
            feeder.shutdown();
            assertThat(feeder.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(feederFailures).as("submits refused while join-c joined").isEmpty();
        submitRoundRobin(List.of(joining), 6, "on the instance that joined").forEach((id, to) -> record(jobs, id, to));
        List<ClusterProcess> live = List.of(first.get(0), first.get(1), joining);
        awaitFinalInDatabase(jobs.keySet());
        assertSucceededOn(jobs, live);
        assertEachSentOnce(jobs.keySet());
        assertNoIdTwiceNorSessionTwice();
    }

    // ---- steps ---------------------------------------------------------------------------

    /** The sandbox, the schema and the instances, started together, sharing the accounts fairly. */
    private List<ClusterProcess> startCluster(String schema, String... ids) {
        cluster = ClusterProcesses.start(schema, dir, JOB);
        sampler = new GatewaySessionSampler(cluster.sandbox(), ClusterProcesses.ACCOUNTS, cluster::userId);
        List<ClusterProcess> processes = new ArrayList<>();
        for (String id : ids) {
            processes.add(cluster.start(id));
        }
        cluster.awaitShared(processes);
        return processes;
    }

    /**
     * Submits imagines to the instances in turn, several at once (as many clients would: one after
     * another, a few hundred take long enough on two shared cores for the first jobs to end before
     * the last is in); every one must be accepted (code 1 or 22). The ids in the order given out.
     */
    private Map<String, ClusterProcess> submitRoundRobin(List<ClusterProcess> to, int count, String what) {
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ClusterProcess process = to.get(i % to.size());
                String body = "{\"prompt\": \"" + what + " " + i + "\"}";
                answers.add(clients.submit(() -> process.api().submit("/mj/submit/imagine", body)));
            }
            Map<String, ClusterProcess> ids = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                record(ids, answers.get(i).get(), to.get(i % to.size()));
            }
            return ids;
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            clients.shutdownNow();
        }
    }

    /** Notes which instance answered the id; an id answered before is a collision. */
    private void record(Map<String, ClusterProcess> jobs, String id, ClusterProcess to) {
        ClusterProcess before = jobs.put(id, to);
        if (before != null) {
            sameIds.add(id + " from " + before.id() + " and " + to.id());
            collided.add(id);
        }
    }

    /** Waits until the instance shows one of the jobs submitted to it running at Discord. */
    private static void awaitRunning(ClusterProcess process, Map<String, ClusterProcess> jobs) {
        List<String> ids = jobs.entrySet().stream().filter(e -> e.getValue() == process).map(Map.Entry::getKey).toList();
        String body = "{\"ids\": [\"" + String.join("\", \"", ids) + "\"]}";
        Waits.await("a job running on " + process, Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> process.api().post("/mj/task/list-by-condition", body).body(),
                        tasks -> tasks != null && tasks.valueStream()
                                .anyMatch(t -> "IN_PROGRESS".equals(t.path("status").asString())));
    }

    private static boolean isRunning(ClusterProcess process, String id) {
        return "IN_PROGRESS".equals(process.api().fetch(id).path("status").asString());
    }

    /**
     * Every job final in the shared database: whichever instance followed it to its end wrote it there.
     * Ids answered twice are left out (their one row stands for two tasks). On time-out, fails naming
     * the rows still unfinished, with their account and lease stamp.
     */
    private void awaitFinalInDatabase(Set<String> ids) {
        JdbcClient db = JdbcClient.create(cluster.schema().dataSource());
        List<String> all = ids.stream().filter(id -> !collided.contains(id)).toList();
        try {
            Waits.await(all.size() + " jobs final in the database", ALL_DONE).pollInterval(Duration.ofMillis(500))
                    .until(() -> db.sql("SELECT COUNT(*) FROM mj_task WHERE id IN (:ids) AND status IN (:final)")
                            .param("ids", all).param("final", FINAL).query(Integer.class).single(),
                            done -> done == all.size());
        } catch (ConditionTimeoutException e) {
            List<Map<String, Object>> unfinished = db.sql("SELECT id, status, account_id, lease_owner, lease_epoch "
                    + "FROM mj_task WHERE id IN (:ids) AND status NOT IN (:final)").param("ids", all)
                    .param("final", FINAL).query().listOfRows();
            throw new AssertionError(unfinished.size() + " job(s) not final in the database after " + ALL_DONE
                    + ": " + unfinished, e);
        }
    }

    /** Each job SUCCESS, fetched from the instance now on the port it was submitted to. */
    private void assertSucceededOn(Map<String, ClusterProcess> jobs, List<ClusterProcess> live) {
        awaitFinalOn(live, jobs.keySet());
        List<String> notSuccess = new ArrayList<>();
        for (Map.Entry<String, ClusterProcess> job : jobs.entrySet()) {
            if (collided.contains(job.getKey())) {
                continue;
            }
            ClusterProcess asked = live.stream().filter(p -> p.port() == job.getValue().port()).findFirst().orElseThrow();
            JsonNode task = asked.api().fetch(job.getKey());
            if (!"SUCCESS".equals(task.path("status").asString())) {
                notSuccess.add(job.getKey() + " (submitted to " + job.getValue().id() + ", fetched from " + asked.id()
                        + "): " + task);
            }
        }
        assertThat(notSuccess).as("jobs not SUCCESS").isEmpty();
    }

    /**
     * Once the database has every job final, waits a while for every instance to show them final too
     * (one list-by-condition per instance and poll), and returns either way: the checks after it
     * fetch each task and name every one an instance still shows unfinished (its stale memory of a
     * task whose account moved on).
     */
    private static void awaitFinalOn(List<ClusterProcess> instances, Set<String> ids) {
        String body = "{\"ids\": [\"" + String.join("\", \"", ids) + "\"]}";
        try {
            Waits.await("every job final on " + instances, Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> instances.stream().allMatch(p -> {
                        JsonNode tasks = p.api().post("/mj/task/list-by-condition", body).body();
                        return tasks != null && tasks.size() == ids.size() && tasks.valueStream()
                                .allMatch(t -> FINAL.contains(t.path("status").asString()));
                    }), all -> all);
        } catch (ConditionTimeoutException notAll) {
            // The assertions that follow say which tasks, on which instance.
        }
    }

    /**
     * The sandbox accepted each job's interaction once: no job sent twice, none lost unsent. A nonce
     * given to two tasks (by two instances in the same millisecond) is named as such.
     */
    private void assertEachSentOnce(Set<String> ids) {
        JdbcClient db = JdbcClient.create(cluster.schema().dataSource());
        Map<String, List<String>> byNonce = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        for (String id : ids) {
            if (collided.contains(id)) {
                continue;
            }
            String nonce = db.sql("SELECT nonce FROM mj_task WHERE id = :id").param("id", id).query(String.class)
                    .optional().orElse(null);
            if (nonce == null) {
                wrong.add(id + " has no nonce: never sent");
            } else {
                byNonce.computeIfAbsent(nonce, n -> new ArrayList<>()).add(id);
            }
        }
        byNonce.forEach((nonce, tasks) -> {
            int sends = cluster.sandbox().received().interactionsWithNonce(nonce);
            if (tasks.size() > 1) {
                wrong.add("nonce " + nonce + " given to " + tasks.size() + " tasks " + tasks + " (sent " + sends + " times)");
            } else if (sends != 1) {
                wrong.add(tasks.get(0) + " (nonce " + nonce + ") sent " + sends + " times");
            }
        });
        assertThat(wrong).as("jobs not sent exactly once under a nonce of their own").isEmpty();
    }

    /** No task id answered twice (by two instances), no account with two live gateway sessions at any moment. */
    private void assertNoIdTwiceNorSessionTwice() {
        assertThat(sameIds).as("task ids answered by two submits").isEmpty();
        assertThat(sampler.doubles()).as("moments an account had two live gateway sessions").isEmpty();
        assertThat(sampler.samples()).as("the sampler ran throughout").isGreaterThan(100);
    }
}
