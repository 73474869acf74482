package dev.mjbridge.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import dev.mjbridge.sandbox.SandboxAccount;
import dev.mjbridge.sandbox.SandboxControl;
import dev.mjbridge.sandbox.SandboxServer;
import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.testing.PostgresSchema;
import dev.mjbridge.testing.Waits;

/**
 * A cluster of mj-bridge processes for a test: one standalone sandbox (in the test's JVM) with six
 * accounts, one PostgreSQL schema, one accounts.yml, and instances started as JVMs of their own
 * ({@link ClusterProcess}), each with the cluster on, a 3 s lease, its own port, its own images
 * folder and its own log file under {@code target/cluster-processes/}. Closing it kills what still
 * runs and drops the schema.
 */
final class ClusterProcesses implements AutoCloseable {

    static final String ADMIN_SECRET = "cluster-processes-admin";
    static final int ACCOUNTS = 6;
    /** A process starts in seconds alone, but several may start at once on two shared cores. */
    static final Duration START_WAIT = Duration.ofSeconds(120);
    private static final String GUILD = "1400000000000000001";

    private final Path dir;
    private final Path logs;
    private final SandboxServer sandbox;
    private final PostgresSchema schema;
    private final Path accountsFile;
    private final List<SandboxAccount> users;
    private final List<ClusterProcess> started = new CopyOnWriteArrayList<>();

    private ClusterProcesses(Path dir, Path logs, SandboxServer sandbox, PostgresSchema schema, Path accountsFile,
                             List<SandboxAccount> users) {
        this.dir = dir;
        this.logs = logs;
        this.sandbox = sandbox;
        this.schema = schema;
        this.accountsFile = accountsFile;
        this.users = users;
    }

    /**
     * @param name        names the schema and the log folder
     * @param dir         where accounts.yml and the instances' images go
     * @param jobDuration how long one sandbox job runs
     */
    static ClusterProcesses start(String name, Path dir, Duration jobDuration) {
        PostgresSchema schema = PostgresSchema.migrated(name);
        List<SandboxAccount> users = new ArrayList<>();
        StringBuilder yaml = new StringBuilder("accounts:\n");
        for (int n = 1; n <= ACCOUNTS; n++) {
            SandboxAccount user = new SandboxAccount("process-token-" + n, "14000000000000001" + (10 + n),
                    "process-" + n, GUILD, "14000000000000002" + (10 + n));
            users.add(user);
            // A queue deep enough that no submit of a test is refused while the jobs before it run.
            yaml.append("  - id: ").append(accountId(n)).append('\n')
                    .append("    guildId: \"").append(GUILD).append("\"\n")
                    .append("    channelId: \"").append(user.channelId()).append("\"\n")
                    .append("    userToken: \"").append(user.token()).append("\"\n")
                    .append("    concurrency: 3\n")
                    .append("    queueSize: 200\n")
                    .append("    timeoutMinutes: 2\n");
        }
        try {
            Path accounts = dir.resolve("accounts.yml");
            Files.writeString(accounts, yaml);
            Path logs = Path.of("target", "cluster-processes", name + "-" + System.currentTimeMillis()).toAbsolutePath();
            Files.createDirectories(logs);
            SandboxServer sandbox = SandboxServer.start(SandboxSettings.forTests().withFastJobDuration(jobDuration)
                    .withStrict(true).withAccounts(users));
            return new ClusterProcesses(dir, logs, sandbox, schema, accounts, List.copyOf(users));
        } catch (IOException e) {
            schema.close();
            throw new UncheckedIOException(e);
        }
    }

    static String accountId(int n) {
        return "proc-acc-" + n;
    }

    SandboxControl sandbox() {
        return sandbox.control();
    }

    PostgresSchema schema() {
        return schema;
    }

    /** The Discord user id of the n-th account (1-based). */
    String userId(int n) {
        return users.get(n - 1).userId();
    }

    /** Starts an instance on a free port; it answers and holds accounts some time later. */
    ClusterProcess start(String instanceId) {
        return start(instanceId, freePort());
    }

    /** Starts an instance on the given port (the port of one that was stopped, in a rolling restart). */
    ClusterProcess start(String instanceId, int port) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Small and quick to start: several of these share two cores with the test.
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "dev.mjbridge.MjBridgeApplication",
                "--server.port=" + port,
                "--mj.accounts-file=" + accountsFile,
                "--mj.sandbox.enabled=false",
                "--mj.discord.server=" + sandbox.restBaseUrl(),
                "--mj.discord.gateway=" + sandbox.gatewayUrl(),
                "--mj.discord.inpaint=" + sandbox.restBaseUrl(),
                "--mj.tasks.timeout-check=1s",
                "--mj.admin-secret=" + ADMIN_SECRET,
                "--mj.images.dir=" + dir.resolve("images-" + instanceId).toAbsolutePath(),
                "--spring.datasource.url=" + schema.jdbcUrl(),
                "--spring.datasource.username=" + schema.user(),
                "--spring.datasource.password=",
                "--mj.cluster.enabled=true",
                "--mj.cluster.instance-id=" + instanceId,
                "--mj.cluster.lease-ttl=3s");
        ClusterProcess process = ClusterProcess.start(instanceId, port, command, logs.resolve(instanceId + ".log"),
                ADMIN_SECRET);
        started.add(process);
        return process;
    }

    /** Stops the instance with SIGTERM and starts a replacement under a new id on the same port. */
    ClusterProcess replace(ClusterProcess old, String newId) {
        old.stop();
        return start(newId, old.port());
    }

    /**
     * Waits until the given instances, and only they, share every account in fair shares, each
     * listing its share READY, and the sandbox sees one live gateway session per account. Fails at
     * once, with the logs, if one of them exits.
     */
    void awaitShared(List<ClusterProcess> live) {
        int floor = ACCOUNTS / live.size();
        int ceiling = floor + (ACCOUNTS % live.size() == 0 ? 0 : 1);
        Waits.await("accounts shared fairly and READY on " + live, START_WAIT)
                .pollInterval(Duration.ofMillis(200))
                .failFast("an instance exited", () -> live.forEach(ClusterProcesses::assertAlive))
                .until(() -> shared(live), settled -> settled);
    }

    private boolean shared(List<ClusterProcess> live) {
        Set<String> seen = new HashSet<>();
        for (ClusterProcess process : live) {
            List<String> ready = process.readyAccounts();
            if (ready == null || ready.size() < ACCOUNTS / live.size()
                    || ready.size() > (ACCOUNTS + live.size() - 1) / live.size()) {
                return false;
            }
            seen.addAll(ready);
        }
        if (seen.size() != ACCOUNTS) {
            return false;
        }
        for (int n = 1; n <= ACCOUNTS; n++) {
            if (sandbox.control().liveGatewaySessions(userId(n)) != 1) {
                return false;
            }
        }
        return true;
    }

    /** Waits until the instance answers and lists at least one account READY; fails at once if it exits. */
    void awaitHoldingAccounts(ClusterProcess process) {
        Waits.await(process + " holding an account, READY", START_WAIT)
                .pollInterval(Duration.ofMillis(200))
                .failFast(process + " exited", () -> assertAlive(process))
                .until(process::readyAccounts, ready -> ready != null && !ready.isEmpty());
    }

    /** Fails with the instance's log tail when it is not running. */
    static void assertAlive(ClusterProcess process) {
        if (!process.isAlive()) {
            throw new AssertionError("instance " + process + " exited\n" + process.logTail());
        }
    }

    /** The accounts each live instance holds, by {@code GET /mj/cluster} on the instance asked. */
    static Map<String, List<String>> held(ClusterProcess asked) {
        JsonNode overview = asked.overview();
        if (overview == null) {
            return Map.of();
        }
        List<JsonNode> instances = new ArrayList<>();
        overview.path("instances").forEach(instances::add);
        return instances.stream().collect(Collectors.toMap(i -> i.path("id").asString(),
                i -> {
                    List<String> accounts = new ArrayList<>();
                    i.path("accountsHeld").forEach(a -> accounts.add(a.asString()));
                    return accounts;
                }));
    }

    /** The log tails of every instance started, for a failure. */
    String logTails() {
        return started.stream().map(ClusterProcess::logTail).collect(Collectors.joining("\n"));
    }

    Path logs() {
        return logs;
    }

    @Override
    public void close() {
        started.forEach(ClusterProcess::destroy);
        sandbox.close();
        schema.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
