package dev.mjbridge.bench;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A standalone sandbox and an mj-bridge pointed at it with {@code accounts} accounts, as an
 * operator would run them (README "The sandbox on its own"): one accounts file serves both, the
 * sandbox creates those users with their guilds and channels, the app drives them. The app is
 * started as the Docker image starts it: by the launcher in the folder launch/prepare made from the
 * jar (the unpacked jar, its class-data-sharing archive and launch/jvm.options), with its H2 file
 * store in the run's folder. The sandbox is started from the plain jar: it is the test double.
 * <p>
 * The app keeps the pictures of finished tasks (docs/images.md): its local store is a fresh
 * temporary folder outside the repository, removed with the stack, so no run fills {@code ./data}.
 */
final class Stack implements AutoCloseable {

    /** The launcher script launch/prepare puts in the app folder; it passes jvm.options to java. */
    static Path launcher(Path app) {
        return app.resolve("mj-bridge");
    }

    /** The JVM flags the app folder's launcher starts the service with (its jvm.options, comments left out). */
    static List<String> shippedJvmFlags(Path app) throws IOException {
        List<String> flags = new ArrayList<>();
        for (String line : Files.readAllLines(app.resolve("jvm.options"))) {
            String flag = line.replaceFirst("#.*", "").trim();
            if (!flag.isEmpty()) {
                flags.add(flag);
            }
        }
        if (Files.exists(app.resolve("mj-bridge.jsa"))) {
            flags.add("-XX:SharedArchiveFile=mj-bridge.jsa");
        }
        return flags;
    }

    final Path dir;
    final int accounts;
    final Api sandbox;
    final Api app;
    final Process sandboxProcess;
    final Process appProcess;
    final long appStartNanos;
    /** The app's {@code mj.images.dir}: a temporary folder, deleted by {@link #close}. */
    final Path imagesDir;
    /** Stops the processes and removes the folder when the harness is ended before it closes the stack (Ctrl-C). */
    private final Thread cleanUpAtExit = new Thread(this::stopAndRemove, "bench-stack-clean-up");

    private Stack(Path dir, int accounts, Api sandbox, Api app, Process sandboxProcess, Process appProcess,
                  long appStartNanos, Path imagesDir) {
        this.dir = dir;
        this.imagesDir = imagesDir;
        Runtime.getRuntime().addShutdownHook(cleanUpAtExit);
        this.accounts = accounts;
        this.sandbox = sandbox;
        this.app = app;
        this.sandboxProcess = sandboxProcess;
        this.appProcess = appProcess;
        this.appStartNanos = appStartNanos;
    }

    static String token(int i) {
        return "bench-token-" + i;
    }

    static String channelId(int i) {
        return String.format("13%017d", i + 1);
    }

    static Stack start(Path jar, Path app, Path runDir, String name, int accounts, int queueSize, double jobSeconds)
            throws IOException, InterruptedException {
        return start(jar, app, runDir, name, accounts, queueSize, jobSeconds, List.of(), List.of());
    }

    /**
     * As above, with extra arguments for the sandbox (e.g. {@code --link-hours 48}) and for the app
     * (e.g. {@code --mj.images.store=none}); the app's arguments come last, so they win.
     */
    static Stack start(Path jar, Path app, Path runDir, String name, int accounts, int queueSize, double jobSeconds,
                       List<String> sandboxArgs, List<String> appArgs) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(runDir.resolve(name));
        StringBuilder yaml = new StringBuilder("accounts:\n");
        for (int i = 0; i < accounts; i++) {
            yaml.append("  - id: acc-").append(i).append('\n')
                    .append("    guildId: \"").append(String.format("12%017d", i + 1)).append("\"\n")
                    .append("    channelId: \"").append(channelId(i)).append("\"\n")
                    .append("    userToken: ").append(token(i)).append('\n')
                    .append("    queueSize: ").append(queueSize).append('\n');
        }
        Path accountsFile = dir.resolve("accounts.yml");
        Files.writeString(accountsFile, yaml);
        int sandboxPort = Processes.freePort();
        List<String> sandboxCommand = new ArrayList<>(List.of("java", "-jar", jar.toString(), "sandbox",
                "--port", Integer.toString(sandboxPort), "--job-seconds", Double.toString(jobSeconds),
                "--accounts", accountsFile.toString()));
        sandboxCommand.addAll(sandboxArgs);
        Process sandboxProcess = Processes.start(sandboxCommand, dir, dir.resolve("sandbox.log"));
        Api sandbox = new Api("http://127.0.0.1:" + sandboxPort);
        await("sandbox on port " + sandboxPort, Duration.ofSeconds(60), sandboxProcess, () -> {
            sandbox.get("/sandbox");
            return true;
        });
        int appPort = Processes.freePort();
        if (!Files.isExecutable(launcher(app))) {
            throw new IOException(launcher(app) + " is missing: make it with launch/prepare " + jar + " " + app
                    + " (bench/run does)");
        }
        List<String> command = new ArrayList<>(List.of(launcher(app).toString(),
                "--server.port=" + appPort,
                "--mj.accounts-file=" + accountsFile,
                "--mj.discord.server=http://127.0.0.1:" + sandboxPort,
                "--mj.discord.gateway=ws://127.0.0.1:" + sandboxPort,
                "--mj.midjourney.cdn=http://127.0.0.1:" + sandboxPort,
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("data/mj-bridge") + ";WRITE_DELAY=0"));
        Path imagesDir = Files.createTempDirectory("mj-bench-images-");
        command.add("--mj.images.dir=" + imagesDir);
        command.addAll(appArgs);
        long startNanos = System.nanoTime();
        Process appProcess;
        try {
            appProcess = Processes.start(command, dir, dir.resolve("app.log"));
        } catch (IOException | RuntimeException e) {
            Processes.stop(sandboxProcess);
            deleteTree(imagesDir);
            throw e;
        }
        return new Stack(dir, accounts, sandbox, new Api("http://127.0.0.1:" + appPort), sandboxProcess, appProcess,
                startNanos, imagesDir);
    }

    /** Seconds from the app's process start until {@code wanted} accounts are READY (polled every 20 ms). */
    double awaitReady(int wanted, Duration timeout) throws IOException, InterruptedException {
        await(wanted + " accounts READY", timeout, appProcess, () -> readyAccounts() >= wanted);
        return (System.nanoTime() - appStartNanos) / 1e9;
    }

    int readyAccounts() {
        try {
            int ready = 0;
            for (JsonNode account : app.get("/mj/account/list")) {
                if (account.path("state").asString().equals("READY")) {
                    ready++;
                }
            }
            return ready;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    long appPid() {
        return appProcess.pid();
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void await(String what, Duration timeout, Process process, Check check)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(what + ": the process ended (exit " + process.exitValue() + "), see its log");
            }
            try {
                if (check.ok()) {
                    return;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception notYet) {
                // not up yet
            }
            Thread.sleep(20);
        }
        throw new IOException("timed out after " + timeout + " waiting for " + what);
    }

    @Override
    public void close() {
        stopAndRemove();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanUpAtExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing left to undo
        }
    }

    private void stopAndRemove() {
        Processes.stop(appProcess);
        Processes.stop(sandboxProcess);
        deleteTree(imagesDir);
    }

    /** Removes a folder and what is in it; a failure is printed, not thrown, so closing goes on. */
    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("bench: could not remove " + root + ": " + e);
        }
    }
}
