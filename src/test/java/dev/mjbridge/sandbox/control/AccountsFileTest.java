package dev.mjbridge.sandbox.control;

import dev.mjbridge.sandbox.SandboxAccount;
import dev.mjbridge.sandbox.SandboxMain;
import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.sandbox.world.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountsFileTest {

    @TempDir
    Path dir;

    @Test
    void botsKeySaysWhichBotsSitInTheGuilds() {
        String yaml = """
                bots: [midjourney]
                accounts:
                  - token: t
                    guildId: 1
                    channelId: 2
                """;
        assertThat(AccountsFile.parseBots(yaml, false, "f.yml")).contains(java.util.Set.of("midjourney"));
        assertThat(AccountsFile.parse(yaml, false, k -> null, "f.yml")).hasSize(1);
        assertThat(AccountsFile.parseBots("- token: t\n  guildId: 1\n  channelId: 2\n", false, "f.yml")).isEmpty();
        assertThatThrownBy(() -> AccountsFile.parseBots("{\"bots\": [\"dalle\"], \"accounts\": []}", true, "f.json"))
                .hasMessageContaining("unknown bot");
    }

    @Test
    void yamlListWithABotAndNumericIds() throws IOException {
        Path file = write("accounts.yml", """
                - token: user-token
                  userId: "1100000000000000042"
                  username: operator
                  guildId: 1100000000000000001
                  channelId: "1100000000000000002"
                - token: bot-token
                  userId: "1100000000000000077"
                  username: listener
                  guildId: "1100000000000000001"
                  channelId: "1100000000000000002"
                  bot: true
                """);
        List<SandboxAccount> accounts = AccountsFile.read(file);
        assertThat(accounts).containsExactly(
                new SandboxAccount("user-token", "1100000000000000042", "operator", "1100000000000000001",
                        "1100000000000000002"),
                SandboxAccount.bot("bot-token", "1100000000000000077", "listener", "1100000000000000001",
                        "1100000000000000002"));
        assertThat(AccountsFile.describe(accounts)).doesNotContain("user-token").doesNotContain("bot-token");
        assertThat(accounts.get(0).toString()).doesNotContain("user-token");
    }

    @Test
    void theProxysAccountsFileWorksAsIs() {
        List<SandboxAccount> accounts = AccountsFile.parse("""
                accounts:
                  - id: main
                    guildId: "1100000000000000001"
                    channelId: "1100000000000000002"
                    userToken: ${MJ_TOKEN_MAIN}
                    concurrency: 3
                    queueSize: 10
                """, false, Map.of("MJ_TOKEN_MAIN", "secret-main")::get, "accounts.yml");
        assertThat(accounts).singleElement().satisfies(account -> {
            assertThat(account.token()).isEqualTo("secret-main");
            assertThat(account.username()).isEqualTo("main");
            assertThat(account.userId()).isEqualTo(World.stableId("secret-main", "user"));
            assertThat(account.bot()).isFalse();
        });
    }

    @Test
    void aProxyAccountsBotTokenBecomesABotInItsGuildAndChannel() {
        List<SandboxAccount> accounts = AccountsFile.parse("""
                accounts:
                  - id: main
                    guildId: "1100000000000000001"
                    channelId: "1100000000000000002"
                    userToken: main-user-token
                    botToken: ${MJ_BOT_TOKEN}
                  - id: second
                    guildId: "1100000000000000003"
                    channelId: "1100000000000000004"
                    userToken: second-user-token
                    botToken: ${MJ_BOT_TOKEN}
                """, false, Map.of("MJ_BOT_TOKEN", "shared-bot-token")::get, "accounts.yml");
        String botId = World.stableId("shared-bot-token", "user");
        assertThat(accounts).hasSize(4);
        assertThat(accounts.subList(0, 2)).noneMatch(SandboxAccount::bot);
        // The same bot listens for both accounts: a member of each one's guild and channel.
        assertThat(accounts.subList(2, 4)).allSatisfy(bot -> {
            assertThat(bot.bot()).isTrue();
            assertThat(bot.token()).isEqualTo("shared-bot-token");
            assertThat(bot.userId()).isEqualTo(botId);
        });
        assertThat(accounts.get(2).channelId()).isEqualTo("1100000000000000002");
        assertThat(accounts.get(3).guildId()).isEqualTo("1100000000000000003");
        assertThat(accounts.get(3).channelId()).isEqualTo("1100000000000000004");

        assertThatThrownBy(() -> AccountsFile.parse("""
                - {token: t, guildId: 1, channelId: 2, botToken: "${NOPE}"}
                """, false, k -> null, "f.yml")).hasMessageContaining("accounts[0].botToken: environment variable NOPE");
        assertThatThrownBy(() -> AccountsFile.parse("""
                - {token: t, guildId: 1, channelId: 2, botToken: t}
                """, false, k -> null, "f.yml")).hasMessageContaining("is also a user's token");
    }

    @Test
    void json() throws IOException {
        Path file = write("accounts.json", "{\"accounts\":[{\"token\":\"t\",\"guildId\":\"1\",\"channelId\":\"2\"}]}");
        assertThat(AccountsFile.read(file)).singleElement()
                .satisfies(account -> assertThat(account.username()).startsWith("sandbox-user-"));
    }

    @Test
    void errorsNameTheEntryAndField() {
        assertThatThrownBy(() -> AccountsFile.parse("- token: t\n  guildId: \"1\"\n", false, k -> null, "f.yml"))
                .hasMessage("f.yml accounts[0].channelId: required");
        assertThatThrownBy(() -> AccountsFile.parse("- token: t\n  guildId: abc\n  channelId: 2\n", false, k -> null, "f.yml"))
                .hasMessageContaining("accounts[0].guildId: must be a Discord id");
        assertThatThrownBy(() -> AccountsFile.parse("- userToken: ${NOPE}\n  guildId: 1\n  channelId: 2\n", false,
                k -> null, "f.yml")).hasMessageContaining("environment variable NOPE is not set");
        assertThatThrownBy(() -> AccountsFile.parse("[]", true, k -> null, "f.json"))
                .hasMessageContaining("non-empty list of accounts");
        assertThatThrownBy(() -> AccountsFile.parse("- token: a\n  guildId: 1\n  channelId: 2\n- token: a\n  guildId: 1\n"
                + "  channelId: 2\n", false, k -> null, "f.yml")).hasMessageContaining("used twice");
        assertThatThrownBy(() -> AccountsFile.read(dir.resolve("missing.yml"))).hasMessageContaining("cannot read");
    }

    @Test
    void sandboxMainTakesAnAccountsFile() throws IOException {
        Path file = write("a.yaml", "- token: t\n  guildId: 1\n  channelId: 2\n");
        SandboxSettings settings = SandboxMain.parse(new String[] {"--strict", "--port", "0", "--accounts", file.toString(),
                "--job-seconds", "0.5"});
        assertThat(settings.strict()).isTrue();
        assertThat(settings.accounts()).hasSize(1);
        assertThat(settings.fastJobDuration().toMillis()).isEqualTo(500);
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--accounts"})).hasMessage("--accounts needs a value");
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }
}
