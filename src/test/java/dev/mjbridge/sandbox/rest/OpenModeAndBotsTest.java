package dev.mjbridge.sandbox.rest;

import dev.mjbridge.sandbox.GatewayTestClient;
import dev.mjbridge.sandbox.SandboxMain;
import dev.mjbridge.sandbox.SandboxServer;
import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.sandbox.SharedSandbox;
import dev.mjbridge.sandbox.world.World;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open mode adopts the guilds and channels a client names (as if the user were a member),
 * and which bots sit in the guilds is configurable: the command index lists only those,
 * and an interaction to an absent bot fails as on Discord.
 */
class OpenModeAndBotsTest {

    private static final String NIJI_IMAGINE_VERSION_FREE = "{\"type\":2,\"application_id\":\"" + World.NIJI_APP_ID
            + "\",\"guild_id\":\"%s\",\"channel_id\":\"%s\",\"session_id\":\"s\",\"nonce\":\"%s\",\"data\":{\"version\":"
            + "\"1\",\"id\":\"1\",\"name\":\"imagine\",\"type\":1,\"options\":[]}}";

    @Test
    void openModeCreatesTheGuildAndChannelAClientNamesAndAnnouncesTheGuild() {
        SandboxServer sandbox = SharedSandbox.get();
        SandboxHttp http = new SandboxHttp(sandbox.restBaseUrl());
        String token = SharedSandbox.freshToken("adopt");
        GatewayTestClient gateway = GatewayTestClient.connect(sandbox.gatewayUrl(), false);
        try {
            gateway.readyAs(token);
            String guildId = "1300000000000000" + (System.nanoTime() % 900 + 100);
            String channelId = "1300000000000001" + (System.nanoTime() % 900 + 100);

            SandboxHttp.Response imagine = http.post("/api/v9/interactions", token,
                    SandboxHttp.imagine(guildId, channelId, "session", "1", "an adopted channel"));
            assertThat(imagine.status()).as(imagine.toString()).isEqualTo(204);
            JsonNode guildCreate = gateway.awaitDispatch("GUILD_CREATE", d -> guildId.equals(d.path("id").asString()));
            assertThat(guildCreate.path("channels").toString()).contains(channelId);

            assertThat(http.get("/api/v9/channels/" + channelId + "/messages", token).status()).isEqualTo(200);
            SandboxHttp.Response index = http.get("/api/v9/guilds/" + guildId + "/application-command-index", token);
            assertThat(index.status()).isEqualTo(200);
            assertThat(applications(index.json())).containsExactly(World.MIDJOURNEY_APP_ID, World.NIJI_APP_ID);

            // A channel URL names no guild: the unknown channel joins the user's guild.
            String loose = "1300000000000002" + (System.nanoTime() % 900 + 100);
            assertThat(http.get("/api/v9/channels/" + loose + "/messages", token).status()).isEqualTo(200);
            assertThat(http.get("/api/v9/guilds/not-a-guild/application-command-index", token).status()).isEqualTo(404);
        } finally {
            gateway.close();
        }
    }

    @Test
    void onlyTheConfiguredBotsSitInTheGuilds() {
        try (SandboxServer sandbox = SandboxServer.start(SandboxSettings.forTests().withBots(Set.of("midjourney")))) {
            SandboxHttp http = new SandboxHttp(sandbox.restBaseUrl());
            SandboxPlace place = SandboxPlace.of(sandbox, http, "bots-test-token");

            for (String path : List.of("/api/v9/channels/" + place.channelId() + "/application-command-index",
                    "/api/v9/guilds/" + place.guildId() + "/application-command-index")) {
                SandboxHttp.Response index = http.get(path, place.token());
                assertThat(index.status()).isEqualTo(200);
                assertThat(applications(index.json())).as(path).containsExactly(World.MIDJOURNEY_APP_ID);
                index.json().path("application_commands").forEach(command ->
                        assertThat(command.path("application_id").asString()).isEqualTo(World.MIDJOURNEY_APP_ID));
            }
            assertThat(http.get("/api/v9/applications/" + World.NIJI_APP_ID + "/commands", place.token()).status())
                    .isEqualTo(404);
            SandboxHttp.Response search = http.get("/api/v9/channels/" + place.channelId()
                    + "/application-commands/search?type=1&query=ima&limit=10", place.token());
            assertThat(search.status()).isEqualTo(200);
            assertThat(applications(search.json())).containsExactly(World.MIDJOURNEY_APP_ID);
            assertThat(search.json().path("application_commands")).hasSize(1);
            assertThat(search.json().path("application_commands").get(0).path("name").asString()).isEqualTo("imagine");

            SandboxHttp.Response toNiji = http.post("/api/v9/interactions", place.token(),
                    NIJI_IMAGINE_VERSION_FREE.formatted(place.guildId(), place.channelId(), "2"));
            assertThat(toNiji.status()).isEqualTo(400);
            assertThat(toNiji.json().path("message").asString()).isEqualTo("Unknown Application");
            assertThat(http.post("/api/v9/interactions", place.token(),
                    SandboxHttp.imagine(place.guildId(), place.channelId(), "s", "3", "a present bot")).status())
                    .isEqualTo(204);
        }
    }

    @Test
    void standaloneOptionsSetBotsAndVideoTime() {
        SandboxSettings settings = SandboxMain.parse(new String[] {"--bots", "niji", "--video-seconds", "12",
                "--job-seconds", "2"});
        assertThat(settings.bots()).containsExactly("niji");
        assertThat(settings.fastVideoDuration()).isEqualTo(Duration.ofSeconds(12));
        assertThat(SandboxMain.parse(new String[] {"--job-seconds", "2"}).fastVideoDuration())
                .isEqualTo(Duration.ofSeconds(2L * SandboxSettings.VIDEO_FACTOR));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--bots", "dalle"}))
                .hasMessageContaining("midjourney");
    }

    private static List<String> applications(JsonNode index) {
        List<String> ids = new ArrayList<>();
        index.path("applications").forEach(application -> ids.add(application.path("id").asString()));
        return ids;
    }
}
