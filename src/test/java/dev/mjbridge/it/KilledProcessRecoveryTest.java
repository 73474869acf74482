package dev.mjbridge.it;

import dev.mjbridge.sandbox.SandboxAccount;
import dev.mjbridge.sandbox.SandboxServer;
import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.testing.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proxy process is killed with SIGKILL while jobs are queued and running against a
 * standalone sandbox (which keeps running them), or while the pictures of finished jobs are
 * being downloaded, then started again on the same H2 file: every job still ends SUCCESS with
 * its stored picture, and none was sent to Discord twice.
 */
class KilledProcessRecoveryTest {

    private static final String TOKEN = "recovery-test-token";
    private static final String USER = "1100000000000000901";
    private Process app;
    private SandboxServer sandbox;
    private int port;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void jobsSurviveAKillDashNine(@TempDir Path dir) throws Exception {
        List<String> command = startSandboxAndCommand(dir);
        MjApi api = new MjApi(port);

        app = start(command, dir.resolve("first.log"));
        awaitReady(api);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(api.submit("/mj/submit/imagine", "{\"prompt\": \"recovered lighthouse " + i + "\"}"));
        }
        // Kill while the first jobs run at Discord and the rest wait in the proxy's queue.
        api.awaitTask(ids.get(0), t -> t.path("status").asString().equals("IN_PROGRESS"), "IN_PROGRESS");
        assertThat(api.fetch(ids.get(4)).path("status").asString()).isEqualTo("NOT_START");
        kill();

        app = start(command, dir.resolve("second.log"));
        awaitReady(api);
        for (String id : ids) {
            assertSucceededWithStoredPicture(api, id);
        }
    }

    @Test
    void picturesBeingDownloadedSurviveAKillDashNine(@TempDir Path dir) throws Exception {
        List<String> command = startSandboxAndCommand(dir);
        MjApi api = new MjApi(port);
        app = start(command, dir.resolve("first.log"));
        awaitReady(api);
        // A slow CDN: the results arrive, their downloads hang.
        sandbox.control().setCdnDelay(Duration.ofSeconds(60));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ids.add(api.submit("/mj/submit/imagine", "{\"prompt\": \"a picture caught mid-download " + i + "\"}"));
        }
        for (String id : ids) {
            JsonNode held = api.awaitTask(id, t -> t.path("progress").asString().equals("100%"), "its result held");
            assertThat(held.path("status").asString()).as(held.toString()).isEqualTo("IN_PROGRESS");
        }
        kill();
        sandbox.control().setCdnDelay(Duration.ZERO);

        app = start(command, dir.resolve("second.log"));
        awaitReady(api);
        for (String id : ids) {
            JsonNode task = assertSucceededWithStoredPicture(api, id);
            assertThat(task.path("imageUrls").size()).isEqualTo(4);
        }
    }

    /** SUCCESS with its stored picture served by the running process, and its job sent to Discord once. */
    private JsonNode assertSucceededWithStoredPicture(MjApi api, String id) {
        JsonNode task = api.awaitFinal(id);
        assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("SUCCESS");
        // V7 grids are WebP; the stored copy is served by the restarted process.
        assertThat(task.path("properties").path("discordImageUrl").asString()).containsPattern("\\.(png|webp)\\?");
        assertThat(task.path("properties").has("imageStoreError")).as(task.toString()).isFalse();
        assertThat(api.getBytes(task.path("imageUrl").asString()).status()).isEqualTo(200);
        String nonce = task.path("properties").path("nonce").asString();
        assertThat(sandbox.control().received().interactionsWithNonce(nonce)).as("sends of " + id).isEqualTo(1);
        return task;
    }

    /** Starts the standalone sandbox with one account; returns the command that runs the proxy against it. */
    private List<String> startSandboxAndCommand(Path dir) throws IOException {
        sandbox = SandboxServer.start(SandboxSettings.forTests().withFastJobDuration(Duration.ofMillis(1500))
                .withStrict(true).withAccounts(List.of(new SandboxAccount(TOKEN, USER, "recovery",
                        "1100000000000000902", "1100000000000000903"))));
        Path accounts = dir.resolve("accounts.yml");
        Files.writeString(accounts, """
                accounts:
                  - id: only
                    guildId: "1100000000000000902"
                    channelId: "1100000000000000903"
                    userToken: %s
                    concurrency: 2
                    queueSize: 10
                """.formatted(TOKEN));
        port = freePort();
        return List.of(javaBinary(), "-Xmx512m", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "dev.mjbridge.MjBridgeApplication",
                "--server.port=" + port,
                "--mj.accounts-file=" + accounts,
                "--mj.sandbox.enabled=false",
                "--mj.discord.server=" + sandbox.restBaseUrl(),
                "--mj.discord.gateway=" + sandbox.gatewayUrl(),
                "--mj.discord.inpaint=" + sandbox.restBaseUrl(),
                "--mj.images.dir=" + dir.resolve("images").toAbsolutePath(),
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("store").toAbsolutePath() + ";WRITE_DELAY=0");
    }

    private void kill() throws InterruptedException {
        assertThat(app.destroyForcibly().waitFor(30, TimeUnit.SECONDS)).as("the killed proxy exited within 30 s").isTrue();
    }

    private static Process start(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until the started process lists its one account READY; fails at once if the process exits. */
    private void awaitReady(MjApi api) {
        Waits.await("the proxy process listing its account READY", Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .failFast("the proxy process exited", () -> !app.isAlive())
                .until(() -> accountList(api), accounts -> accounts != null && accounts.size() == 1
                        && accounts.get(0).path("state").asString().equals("READY"));
    }

    /** The account list, or null while the process does not answer yet (connection refused as it starts). */
    private static JsonNode accountList(MjApi api) {
        try {
            MjApi.Response accounts = api.get("/mj/account/list");
            return accounts.status() == 200 ? accounts.body() : null;
        } catch (AssertionError notYetListening) {
            return null;
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
