package dev.mjbridge.bench;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A standalone sandbox with {@link #ACCOUNTS} accounts, a PostgreSQL schema of its own and
 * mj-bridge instances with the cluster on (docs/cluster.md), each started by the shipped launcher
 * as {@link Stack} starts one, on its own port, with its own log. Instances come and go during a
 * phase: {@link #start} adds one, {@link Instance#kill} and {@link Instance#stop} end it. Closing
 * the stack ends every process it started and drops the schema.
 */
final class ClusterStack implements AutoCloseable {

    static final int ACCOUNTS = 6;
    static final String ADMIN_SECRET = "bench-cluster-admin";

    /** One mj-bridge process of the cluster. */
    record Instance(String id, Api api, Process process) {

        /** SIGKILL, and wait until the process is gone. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        /** SIGTERM (a clean shutdown that releases its leases), then SIGKILL after 10 s. */
        void stop() {
            Processes.stop(process);
        }

        /** The ids of the accounts it lists READY; empty while it does not answer. */
        Set<String> readyAccounts() {
            Set<String> ready = new HashSet<>();
            try {
                for (JsonNode account : api.ownAccounts()) {
                    if (account.path("state").asString().equals("READY")) {
                        ready.add(account.path("id").asString());
                    }
                }
            } catch (IOException e) {
                return Set.of();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ready;
        }
    }

    private final Path jar;
    private final Path app;
    private final Path dir;
    private final String databaseUrl;
    private final String databaseUser;
    private final String schema;
    private final Duration leaseTtl;
    private final Path accountsFile;
    final Api sandbox;
    private final Process sandboxProcess;
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final List<Path> imageDirs = new ArrayList<>();

    private ClusterStack(Path jar, Path app, Path dir, String databaseUrl, String databaseUser, String schema,
                         Duration leaseTtl, Path accountsFile, Api sandbox, Process sandboxProcess) {
        this.jar = jar;
        this.app = app;
        this.dir = dir;
        this.databaseUrl = databaseUrl;
        this.databaseUser = databaseUser;
        this.schema = schema;
        this.leaseTtl = leaseTtl;
        this.accountsFile = accountsFile;
        this.sandbox = sandbox;
        this.sandboxProcess = sandboxProcess;
    }

    /**
     * @param databaseUrl a PostgreSQL database the phase may make a schema in (dropped again at the end)
     * @param queueSize   each account's queue: the submit load needs room for every task it makes
     */
    static ClusterStack start(Path jar, Path app, Path runDir, String name, String databaseUrl, String databaseUser,
                              Duration leaseTtl, int queueSize, double jobSeconds)
            throws IOException, InterruptedException, SQLException {
        Path dir = Files.createDirectories(runDir.resolve(name));
        String schema = ("bench_" + name + "_" + ProcessHandle.current().pid()).replace('-', '_');
        execute(databaseUrl, databaseUser, "DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);
        StringBuilder yaml = new StringBuilder("accounts:\n");
        for (int i = 0; i < ACCOUNTS; i++) {
            yaml.append("  - id: acc-").append(i).append('\n')
                    .append("    guildId: \"").append(String.format("12%017d", i + 1)).append("\"\n")
                    .append("    channelId: \"").append(Stack.channelId(i)).append("\"\n")
                    .append("    userToken: ").append(Stack.token(i)).append('\n')
                    .append("    queueSize: ").append(queueSize).append('\n');
        }
        Path accountsFile = dir.resolve("accounts.yml");
        Files.writeString(accountsFile, yaml);
        int sandboxPort = Processes.freePort();
        Process sandboxProcess = Processes.start(List.of("java", "-jar", jar.toString(), "sandbox", "--port",
                Integer.toString(sandboxPort), "--job-seconds", Double.toString(jobSeconds), "--accounts",
                accountsFile.toString()), dir, dir.resolve("sandbox.log"));
        Api sandbox = new Api("http://127.0.0.1:" + sandboxPort);
        Stack.await("sandbox on port " + sandboxPort, Duration.ofSeconds(60), sandboxProcess, () -> {
            sandbox.get("/sandbox");
            return true;
        });
        return new ClusterStack(jar, app, dir, databaseUrl, databaseUser, schema, leaseTtl, accountsFile, sandbox,
                sandboxProcess);
    }

    /** Starts an instance under this id on a free port; it answers and holds accounts some seconds later. */
    Instance start(String id) throws IOException {
        int port = Processes.freePort();
        String sandboxBase = sandbox.base();
        Path images = Files.createTempDirectory("mj-bench-cluster-images-");
        imageDirs.add(images);
        List<String> command = new ArrayList<>(List.of(Stack.launcher(app).toString(),
                "--server.port=" + port,
                "--mj.accounts-file=" + accountsFile,
                "--mj.discord.server=" + sandboxBase,
                "--mj.discord.gateway=" + sandboxBase.replace("http://", "ws://"),
                "--mj.midjourney.cdn=" + sandboxBase,
                "--mj.images.dir=" + images,
                "--mj.admin-secret=" + ADMIN_SECRET,
                "--spring.datasource.url=" + databaseUrl + (databaseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "--spring.datasource.username=" + databaseUser,
                "--spring.datasource.password=",
                "--mj.cluster.enabled=true",
                "--mj.cluster.instance-id=" + id,
                "--mj.cluster.lease-ttl=" + leaseTtl.toMillis() + "ms"));
        Instance instance = new Instance(id, new Api("http://127.0.0.1:" + port),
                Processes.start(command, dir, dir.resolve(id + ".log")));
        instances.put(id, instance);
        return instance;
    }

    /** Waits until these instances share every account fairly, each listing its share READY. */
    void awaitShared(List<Instance> live, Duration timeout) throws IOException, InterruptedException {
        int floor = ACCOUNTS / live.size();
        int ceiling = (ACCOUNTS + live.size() - 1) / live.size();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Set<String> seen = new HashSet<>();
            boolean fair = true;
            for (Instance instance : live) {
                if (!instance.process().isAlive()) {
                    throw new IOException("instance " + instance.id() + " ended (exit " + instance.process().exitValue()
                            + "), see " + dir.resolve(instance.id() + ".log"));
                }
                Set<String> ready = instance.readyAccounts();
                fair &= ready.size() >= floor && ready.size() <= ceiling;
                seen.addAll(ready);
            }
            if (fair && seen.size() == ACCOUNTS) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the accounts were not shared by " + live.stream().map(Instance::id).toList()
                        + " within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    Duration leaseTtl() {
        return leaseTtl;
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        instances.values().forEach(Instance::stop);
        Processes.stop(sandboxProcess);
        imageDirs.forEach(Stack::deleteTree);
        try {
            execute(databaseUrl, databaseUser, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("bench: could not drop schema " + schema + ": " + e.getMessage());
        }
    }

    private static void execute(String url, String user, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
