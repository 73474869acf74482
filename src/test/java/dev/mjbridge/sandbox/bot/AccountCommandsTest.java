package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.SharedSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** /info, /settings, /fast /relax /turbo, and seeds (✉️ and /show). */
class AccountCommandsTest {

    private SandboxUserSession user;

    @BeforeEach
    void open() {
        SharedSandbox.get().control().reset();
        user = SandboxUserSession.open("account");
    }

    @AfterEach
    void close() {
        user.close();
    }

    @Test
    void infoIsAnEphemeralEmbedOfTheUsersState() {
        user.imagineGrid("a fox in tall grass");
        SandboxUserSession.Sent sent = user.simple("info").accepted();
        JsonNode answer = user.awaitDeferredAnswer(sent, d -> !d.path("embeds").isEmpty());
        assertThat(answer.path("flags").asInt()).isEqualTo(64);
        JsonNode embed = answer.path("embeds").get(0);
        assertThat(embed.path("title").asString()).isEqualTo("Your info - " + user.username);
        assertThat(embed.path("description").asString()).contains(
                "**Subscription**: Standard (Active monthly", "**Job Mode**: Fast", "**Visibility Mode**: Public",
                "**Fast Time Remaining**: 14.98/15.0 hours", "**Lifetime Usage**: 1 images",
                "**Queued Jobs (fast)**: 0", "**Queued Jobs (relax)**: 0", "**Running Jobs**: None");
    }

    @Test
    void settingsRemixButtonTogglesRemix() {
        SandboxUserSession.Sent sent = user.simple("settings").accepted();
        JsonNode settings = user.awaitDeferredAnswer(sent, d -> !d.path("components").isEmpty());
        assertThat(settings.path("flags").asInt() & 64).isEqualTo(64);
        assertThat(remixStyle(settings)).isEqualTo(2);

        SandboxUserSession.Sent press = user.press(settings, "MJ::Settings::RemixMode").accepted();
        user.awaitSuccess(press);
        JsonNode turnedOn = user.await("MESSAGE_UPDATE", d -> settings.path("id").asString().equals(d.path("id").asString())
                && remixStyle(d) == 3);
        assertThat(user.control().user(user.userId).remix()).isTrue();

        user.press(settings, "MJ::Settings::RemixMode").accepted();
        // The deferred answer was itself an update of this message with remix off: wait for a later one.
        int onAt = user.positionOf(turnedOn);
        user.await("MESSAGE_UPDATE", d -> settings.path("id").asString().equals(d.path("id").asString())
                && remixStyle(d) == 2 && user.positionOf(d) > onAt);
        assertThat(user.control().user(user.userId).remix()).isFalse();
    }

    @Test
    void settingsModeButtonsSwitchMode() {
        JsonNode settings = user.awaitDeferredAnswer(user.simple("settings").accepted(), d -> !d.path("components").isEmpty());
        user.press(settings, "MJ::Settings::RelaxMode").accepted();
        user.await("MESSAGE_UPDATE", d -> settings.path("id").asString().equals(d.path("id").asString())
                && style(d, "MJ::Settings::RelaxMode") == 3);
        assertThat(user.control().user(user.userId).mode()).isEqualTo(SpeedMode.RELAX);
    }

    @Test
    void relaxCommandSwitchesModeAndJobsSayRelaxed() {
        JsonNode answer = user.awaitDeferredAnswer(user.simple("relax").accepted(), d -> true);
        assertThat(answer.path("flags").asInt() & 64).isEqualTo(64);
        assertThat(answer.path("content").asString()).startsWith("Done!");
        assertThat(user.control().user(user.userId).mode()).isEqualTo(SpeedMode.RELAX);
        long fastBefore = user.control().user(user.userId).fastSecondsRemaining();

        SandboxUserSession.JobTrace job = user.imagineGrid("a street market at night");
        assertThat(job.content()).endsWith(" (relaxed)");
        assertThat(job.updates()).allSatisfy(u -> assertThat(u.path("content").asString()).endsWith("(relaxed)"));
        assertThat(user.control().user(user.userId).fastSecondsRemaining()).isEqualTo(fastBefore);
    }

    @Test
    void turboAndFastCommandsSwitchMode() {
        user.awaitDeferredAnswer(user.simple("turbo").accepted(), d -> true);
        assertThat(user.control().user(user.userId).mode()).isEqualTo(SpeedMode.TURBO);
        assertThat(user.imagineGrid("a sailing ship in a storm").content()).endsWith(" (turbo)");

        user.awaitDeferredAnswer(user.simple("fast").accepted(), d -> true);
        assertThat(user.control().user(user.userId).mode()).isEqualTo(SpeedMode.FAST);
    }

    @Test
    void promptParameterOverridesTheMode() {
        assertThat(user.imagineGrid("a sailing ship --relax").content()).endsWith(" (relaxed)");
    }

    @Test
    void envelopeReactionDmsJobIdAndSeed() {
        SandboxUserSession.JobTrace job = user.imagineGrid("an astronaut reading a book");
        assertThat(user.react(job.result(), "✉️").status()).isEqualTo(204);
        JsonNode dm = user.await("MESSAGE_CREATE", d -> user.dmChannelId.equals(d.path("channel_id").asString()));
        long seed = user.control().seedOf(job.hash()).orElseThrow();
        assertThat(dm.path("content").asString()).isEqualTo("**Job ID**: " + job.hash() + "\n**seed** " + seed);
        assertThat(dm.path("author").path("id").asString()).isEqualTo(BotApp.MIDJOURNEY.applicationId());
    }

    @Test
    void showRepostsTheJobWithWorkingButtonsAndItsSeedCanBeAskedFor() {
        SandboxUserSession.JobTrace job = user.imagineGrid("a tea house in the rain");
        SandboxUserSession.Sent sent = user.command(BotApp.MIDJOURNEY, "show",
                List.of(SandboxUserSession.stringOption("job_id", job.hash())), List.of()).accepted();
        JsonNode shown = user.awaitAnswer(sent, d -> !d.path("attachments").isEmpty());
        assertThat(shown.path("id").asString()).isNotEqualTo(job.result().path("id").asString());
        assertThat(shown.path("content").asString()).isEqualTo(job.content());
        assertThat(shown.path("interaction").path("name").asString()).isEqualTo("show");
        assertThat(shown.path("attachments").get(0).path("filename").asString())
                .isEqualTo(job.result().path("attachments").get(0).path("filename").asString());
        assertThat(shown.path("components")).isEqualTo(job.result().path("components"));

        user.react(shown, "✉");
        user.await("MESSAGE_CREATE", d -> user.dmChannelId.equals(d.path("channel_id").asString())
                && d.path("content").asString().contains(job.hash()));
        user.followJob(user.press(shown, "MJ::JOB::upsample::1::" + job.hash()).accepted());
    }

    @Test
    void showOfAnUnknownJobIsAnError() {
        SandboxUserSession.Sent sent = user.command(BotApp.MIDJOURNEY, "show",
                List.of(SandboxUserSession.stringOption("job_id", "00000000-0000-0000-0000-000000000000")), List.of()).accepted();
        assertThat(user.awaitEmbed(sent, "Job not found").path("embeds").get(0).path("color").asInt()).isEqualTo(16711680);
    }

    /**
     * Deferred replies as Midjourney sends them: an empty "thinking" message (flags 64|128)
     * that carries the nonce and the interaction, then an edit of the same message without
     * the nonce, flags 64, the command's name in {@code interaction}, and the answer.
     */
    @ParameterizedTest(name = "/{0}")
    @ValueSource(strings = {"info", "settings", "fast", "relax", "turbo"})
    void slowCommandsThinkFirstAndThenEditTheAnswerIn(String command) {
        SandboxUserSession.Sent sent = user.simple(command).accepted();
        JsonNode thinking = user.awaitAnswer(sent, d -> true);
        assertThat(thinking.path("flags").asInt()).isEqualTo(192);
        assertThat(thinking.path("content").asString()).isEmpty();
        assertThat(thinking.path("embeds")).isEmpty();
        assertThat(thinking.path("nonce").asString()).isEqualTo(sent.nonce());
        assertThat(thinking.path("interaction").path("name").asString()).isEqualTo(command);
        assertThat(thinking.path("interaction_metadata").path("user").path("id").asString()).isEqualTo(user.userId);

        JsonNode answer = user.await("MESSAGE_UPDATE", d -> thinking.path("id").asString().equals(d.path("id").asString()));
        assertThat(answer.has("nonce")).isFalse();
        assertThat(answer.path("flags").asInt()).isEqualTo(64);
        assertThat(answer.path("interaction").path("name").asString()).isEqualTo(command);
        assertThat(answer.path("content").asString().isEmpty() && answer.path("embeds").isEmpty()).isFalse();
        assertThat(answer.path("edited_timestamp").isString()).isTrue();
        user.awaitDeferredAnswer(user.simple("fast").accepted(), d -> true);
    }

    private static int remixStyle(JsonNode message) {
        return style(message, "MJ::Settings::RemixMode");
    }

    private static int style(JsonNode message, String customId) {
        for (JsonNode row : message.path("components")) {
            for (JsonNode button : row.path("components")) {
                if (customId.equals(button.path("custom_id").asString())) {
                    return button.path("style").asInt();
                }
            }
        }
        throw new AssertionError("no button " + customId);
    }
}
