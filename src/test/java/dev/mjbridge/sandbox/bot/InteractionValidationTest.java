package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.SharedSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What Discord refuses before the bot does anything, and where clients read command versions. */
class InteractionValidationTest {

    private SandboxUserSession user;

    @BeforeEach
    void open() {
        SharedSandbox.get().control().reset();
        user = SandboxUserSession.open("validation");
    }

    @AfterEach
    void close() {
        user.close();
    }

    @Test
    void staleCommandVersionIsOutdated() {
        JsonNode imagine = user.catalogCommand(BotApp.MIDJOURNEY, "imagine");
        SandboxUserSession.Sent sent = user.command(BotApp.MIDJOURNEY, imagine.path("id").asString(), "1",
                "imagine", List.of(SandboxUserSession.stringOption("prompt", "cat")), List.of());
        assertThat(sent.response().status()).isEqualTo(400);
        JsonNode body = sent.response().body();
        assertThat(body.path("code").asInt()).isEqualTo(50035);
        JsonNode error = body.path("errors").path("data").path("_errors").get(0);
        assertThat(error.path("code").asString()).isEqualTo("INTERACTION_APPLICATION_COMMAND_INVALID_VERSION");
        assertThat(error.path("message").asString()).isEqualTo("This command is outdated, please try again in a few minutes");
    }

    @Test
    void rotatedVersionIsOutdatedUntilTheIndexIsReadAgain() {
        String old = user.catalogCommand(BotApp.MIDJOURNEY, "imagine").path("version").asString();
        String rotated = user.control().rotateCommandVersion(BotApp.MIDJOURNEY.applicationId(), "imagine");
        assertThat(rotated).isNotEqualTo(old);
        assertThat(user.imagine("cat").response().status()).isEqualTo(400);
        user.forgetCatalog();
        assertThat(user.catalogCommand(BotApp.MIDJOURNEY, "imagine").path("version").asString()).isEqualTo(rotated);
        user.imagine("cat").accepted();
        user.control().reset();
        user.forgetCatalog();
        assertThat(user.catalogCommand(BotApp.MIDJOURNEY, "imagine").path("version").asString()).isEqualTo(old);
    }

    @Test
    void unknownCommandIdIs10063() {
        SandboxUserSession.Sent sent = user.command(BotApp.MIDJOURNEY, "12345", "1", "imagine",
                List.of(SandboxUserSession.stringOption("prompt", "cat")), List.of());
        assertThat(sent.response().status()).isEqualTo(404);
        assertThat(sent.response().body().path("code").asInt()).isEqualTo(10063);
        assertThat(sent.response().body().path("message").asString()).isEqualTo("Unknown application command");
    }

    @Test
    void midjourneyCommandIdUnderNijiIsUnknown() {
        JsonNode imagine = user.catalogCommand(BotApp.MIDJOURNEY, "imagine");
        SandboxUserSession.Sent sent = user.command(BotApp.NIJI, imagine.path("id").asString(),
                imagine.path("version").asString(), "imagine", List.of(SandboxUserSession.stringOption("prompt", "cat")), List.of());
        assertThat(sent.response().status()).isEqualTo(404);
    }

    @Test
    void missingRequiredOptionIsInvalidFormBody() {
        SandboxUserSession.Sent sent = user.command(BotApp.MIDJOURNEY, "imagine", List.of(), List.of());
        assertThat(sent.response().status()).isEqualTo(400);
        assertThat(sent.response().body().path("code").asInt()).isEqualTo(50035);
    }

    @Test
    void buttonOnUnknownMessageIs404AndUnknownCustomIdIs400() {
        SandboxUserSession.JobTrace grid = user.imagineGrid("a cat");
        SandboxUserSession.Sent unknownMessage = user.press(BotApp.MIDJOURNEY.applicationId(), "1234567890", 0,
                "MJ::JOB::upsample::1::" + grid.hash());
        assertThat(unknownMessage.response().status()).isEqualTo(404);
        assertThat(unknownMessage.response().body().path("code").asInt()).isEqualTo(10008);

        SandboxUserSession.Sent otherHash = user.press(grid.result(), "MJ::JOB::upsample::1::00000000-0000-0000-0000-000000000000");
        assertThat(otherHash.response().status()).isEqualTo(400);
        assertThat(otherHash.response().body().path("errors").path("data").path("custom_id").path("_errors").get(0)
                .path("code").asString()).isEqualTo("COMPONENT_VALIDATION_FAILED");

        SandboxUserSession.Sent wrongApp = user.press(BotApp.NIJI.applicationId(), grid.result().path("id").asString(), 0,
                "MJ::JOB::upsample::1::" + grid.hash());
        assertThat(wrongApp.response().status()).isEqualTo(400);
    }

    @Test
    void buttonOnAnotherUsersChannelMessageIsUnknown() {
        SandboxUserSession.JobTrace grid = user.imagineGrid("a cat");
        try (SandboxUserSession other = SandboxUserSession.open("other")) {
            SandboxUserSession.Sent sent = other.press(BotApp.MIDJOURNEY.applicationId(), grid.result().path("id").asString(),
                    0, "MJ::JOB::upsample::1::" + grid.hash());
            assertThat(sent.response().status()).isEqualTo(404);
        }
    }

    @Test
    void applicationCommandsListEveryCommandWithItsOptions() {
        SandboxUserSession.Response midjourney = user.get("/applications/" + BotApp.MIDJOURNEY.applicationId() + "/commands");
        assertThat(midjourney.status()).isEqualTo(200);
        assertThat(names(midjourney.body())).containsExactlyInAnyOrder(
                "imagine", "describe", "blend", "shorten", "show", "info", "settings", "fast", "relax", "turbo");
        JsonNode imagine = user.catalogCommand(BotApp.MIDJOURNEY, "imagine");
        assertThat(imagine.path("id").asString()).isEqualTo("938956540159881230");
        assertThat(imagine.path("version").asString()).isEqualTo("1237876415471554623");
        assertThat(imagine.path("options").get(0).path("name").asString()).isEqualTo("prompt");

        SandboxUserSession.Response niji = user.get("/applications/" + BotApp.NIJI.applicationId() + "/commands");
        assertThat(names(niji.body())).doesNotContain("turbo").contains("imagine");
        assertThat(user.catalogCommand(BotApp.NIJI, "imagine").path("id").asString()).isEqualTo("1023054140580057099");
        assertThat(user.get("/applications/42/commands").status()).isEqualTo(404);
    }

    @Test
    void commandIndexOfChannelAndGuildListBothApplications() {
        for (String path : List.of("/channels/" + user.channelId + "/application-command-index",
                "/guilds/" + user.guildId + "/application-command-index")) {
            SandboxUserSession.Response index = user.get(path);
            assertThat(index.status()).as(path).isEqualTo(200);
            List<String> applications = new ArrayList<>();
            index.body().path("applications").forEach(a -> applications.add(a.path("id").asString()));
            assertThat(applications).containsExactly(BotApp.MIDJOURNEY.applicationId(), BotApp.NIJI.applicationId());
            assertThat(index.body().path("application_commands").size()).isEqualTo(19);
        }
        // Open mode adopts a guild the user names (OpenModeAndBotsTest); what is no guild id stays unknown.
        assertThat(user.get("/guilds/not-a-guild/application-command-index").status()).isEqualTo(404);
    }

    private static List<String> names(JsonNode commands) {
        List<String> names = new ArrayList<>();
        commands.forEach(c -> names.add(c.path("name").asString()));
        return names;
    }
}
