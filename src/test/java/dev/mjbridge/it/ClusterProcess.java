package dev.mjbridge.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

/**
 * One mj-bridge instance of a test cluster running as a JVM of its own, its output in a log file:
 * started by {@link ClusterProcesses}, killed (SIGKILL) or stopped (SIGTERM) by the test. A separate
 * process, unlike an application context in the test's JVM, dies as a real instance dies: its
 * sockets, threads and database connections all at once.
 */
final class ClusterProcess {

    /** Long enough for a clean shutdown that waits for sessions to close and leases to be released. */
    private static final long EXIT_SECONDS = 60;

    private final String id;
    private final int port;
    private final Path log;
    private final Process process;
    private final MjApi api;
    private final String adminSecret;

    private ClusterProcess(String id, int port, Path log, Process process, String adminSecret) {
        this.id = id;
        this.port = port;
        this.log = log;
        this.process = process;
        this.api = new MjApi(port);
        this.adminSecret = adminSecret;
    }

    static ClusterProcess start(String id, int port, List<String> command, Path log, String adminSecret) {
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new ClusterProcess(id, port, log, process, adminSecret);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start instance " + id, e);
        }
    }

    String id() {
        return id;
    }

    int port() {
        return port;
    }

    MjApi api() {
        return api;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, as a crash or an OOM killer: nothing of the instance runs after this returns. */
    void kill() {
        process.destroyForcibly();
        awaitExit("killed");
    }

    /** SIGTERM, as {@code docker stop} or a rolling restart: returns once the instance has shut down. */
    void stop() {
        process.destroy();
        awaitExit("stopped");
    }

    private void awaitExit(String how) {
        try {
            if (!process.waitFor(EXIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("instance " + id + " " + how + " but still running after " + EXIT_SECONDS
                        + " s\n" + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Whatever state it is in, it runs no more. */
    void destroy() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(EXIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code GET /mj/cluster}'s result as this instance sees it, or null while it does not answer yet. */
    JsonNode overview() {
        try {
            MjApi.Response response = api.adminGet("/mj/cluster", adminSecret);
            return response.status() == 200 ? response.body().path("result") : null;
        } catch (AssertionError notListening) {
            return null;
        }
    }

    /** The ids of the accounts this instance lists READY, or null while it does not answer yet. */
    List<String> readyAccounts() {
        MjApi.Response response;
        try {
            response = api.localAccounts();
        } catch (AssertionError notListening) {
            return null;
        }
        if (response.status() != 200) {
            return null;
        }
        List<String> ready = new ArrayList<>();
        response.body().forEach(a -> {
            if ("READY".equals(a.path("state").asString())) {
                ready.add(a.path("id").asString());
            }
        });
        return ready;
    }

    /** The last lines of the instance's log, for a failure message. */
    String logTail() {
        return logTail(60);
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "---- last " + Math.min(lines, all.size()) + " lines of " + log + " (" + id + ", "
                    + (process.isAlive() ? "running" : "exited " + process.exitValue()) + ")\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "---- no log of " + id + ": " + e;
        }
    }

    @Override
    public String toString() {
        return id + "@" + port;
    }
}
