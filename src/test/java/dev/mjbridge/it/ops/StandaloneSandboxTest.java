package dev.mjbridge.it.ops;

import dev.mjbridge.account.AccountsFileException;
import dev.mjbridge.it.MjApi;
import dev.mjbridge.sandbox.SandboxAccount;
import dev.mjbridge.sandbox.SandboxServer;
import dev.mjbridge.sandbox.SandboxSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * docs/sandbox.md, "only base URLs differ": the proxy with an operator's accounts file, pointed
 * by {@code mj.discord.*} at a sandbox that runs on its own in strict mode (it admits only
 * the configured tokens), exactly as it would be pointed at Discord.
 */
class StandaloneSandboxTest {

    private static final String GUILD = "1100000000000000301";
    private static final String CHANNEL = "1100000000000000302";
    private static final String TOKEN_A = "ops-user-token-a.not-a-real-one";
    private static final String TOKEN_B = "ops-user-token-b.not-a-real-one";

    private static SandboxServer sandbox;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSandbox() {
        sandbox = SandboxServer.start(SandboxSettings.forTests().withStrict(true).withAccounts(List.of(
                new SandboxAccount(TOKEN_A, "1100000000000000311", "ops-a", GUILD, CHANNEL),
                new SandboxAccount(TOKEN_B, "1100000000000000312", "ops-b", GUILD, CHANNEL))));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void theProxyRunsAgainstAStandaloneSandboxConfiguredLikeDiscord() throws IOException {
        Path accounts = write("accounts.yml", """
                accounts:
                  - id: ops-a
                    guildId: "%s"
                    channelId: "%s"
                    userToken: %s
                    concurrency: 2
                    queueSize: 5
                  - id: ops-b
                    guildId: "%s"
                    channelId: "%s"
                    userToken: %s
                    remark: the second account
                """.formatted(GUILD, CHANNEL, TOKEN_A, GUILD, CHANNEL, TOKEN_B));

        try (StartedApp app = StartedApp.start(againstSandbox(accounts))) {
            JsonNode listed = app.awaitAccountsReady();
            MjApi api = app.api();

            String id = api.submit("/mj/submit/imagine", "{\"prompt\": \"a lighthouse on a standalone sandbox\"}");
            JsonNode grid = api.awaitFinal(id);
            assertThat(grid.path("status").asString()).as(grid.toString()).isEqualTo("SUCCESS");
            assertThat(grid.path("properties").path("discordImageUrl").asString()).startsWith(sandbox.restBaseUrl());
            assertThat(grid.path("imageUrl").asString()).contains("/mj/image/" + id + "/");
            assertThat(grid.path("properties").path("discordChannelId").asString()).isEqualTo(CHANNEL);
            String upscaleId = api.submit("/mj/submit/action", "{\"taskId\": \"%s\", \"customId\": \"%s\"}"
                    .formatted(id, MjApi.button(grid, "U1")));
            assertThat(api.awaitFinal(upscaleId).path("status").asString()).isEqualTo("SUCCESS");

            List<String> ids = new ArrayList<>();
            for (JsonNode account : listed) {
                ids.add(account.path("id").asString());
                assertThat(account.path("sandbox").asBoolean()).as("not the built-in sandbox").isFalse();
                assertThat(account.path("channelId").asString()).isEqualTo(CHANNEL);
            }
            assertThat(ids).containsExactly("ops-a", "ops-b");
            assertThat(listed.get(0).path("concurrency").asInt()).isEqualTo(2);
            assertThat(listed.get(1).path("remark").asString()).isEqualTo("the second account");
            for (String body : List.of(api.get("/mj/account/list").raw(), api.get("/mj/account/ops-a/fetch").raw(),
                    api.get("/mj/task/" + id + "/fetch").raw(), api.get("/mj/task/list").raw())) {
                assertThat(body).doesNotContain(TOKEN_A, TOKEN_B, "not-a-real-one");
                assertThat(body.toLowerCase(Locale.ROOT)).doesNotContain("token");
            }
        }
    }

    @Test
    void aMissingAccountsFileThatWasNamedStopsStartUp() {
        Path missing = dir.resolve("no-such-accounts.yml");

        assertThatThrownBy(() -> StartedApp.start(againstSandbox(missing)).close())
                .satisfies(e -> assertThat(accountsFileError(e).getMessage())
                        .contains(missing.toAbsolutePath().toString())
                        .contains("does not exist"));
    }

    @Test
    void aMalformedAccountsFileNamesTheAccountAndTheKey() throws IOException {
        Path accounts = write("accounts.yml", """
                accounts:
                  - id: ops-a
                    guildId: "%s"
                    channelId: "%s"
                    userToken: %s
                  - id: ops-b
                    guildId: "%s"
                    channelId: "%s"
                    userToken: %s
                    concurrency: lots
                """.formatted(GUILD, CHANNEL, TOKEN_A, GUILD, CHANNEL, TOKEN_B));

        assertThatThrownBy(() -> StartedApp.start(againstSandbox(accounts)).close())
                .satisfies(e -> assertThat(accountsFileError(e).getMessage())
                        .contains(accounts.toString())
                        .contains("account #2 (id 'ops-b')")
                        .contains("key 'concurrency'")
                        .doesNotContain(TOKEN_B));
    }

    private Map<String, Object> againstSandbox(Path accountsFile) {
        return Map.of(
                "mj.accounts-file", accountsFile.toString(),
                "mj.sandbox.enabled", "false",
                "mj.discord.server", sandbox.restBaseUrl(),
                "mj.discord.gateway", sandbox.gatewayUrl(),
                "mj.discord.inpaint", sandbox.restBaseUrl(),
                "spring.datasource.url", "jdbc:h2:mem:standalone-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** The accounts-file error behind a failed start-up (Spring wraps it in bean creation errors). */
    private static AccountsFileException accountsFileError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AccountsFileException accountsFile) {
                return accountsFile;
            }
        }
        throw new AssertionError("start-up failed without an accounts-file error", failure);
    }
}
