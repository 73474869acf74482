package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.SharedSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error embed the bot answers with, and that it starts no job then. */
class BotErrorsTest {

    private SandboxUserSession user;

    @BeforeEach
    void open() {
        SharedSandbox.get().control().reset();
        user = SandboxUserSession.open("errors");
    }

    @AfterEach
    void close() {
        user.close();
    }

    @Test
    void bannedWordIsBannedPrompt() {
        JsonNode error = expectError(user.imagine("a gore scene").accepted(), "Banned prompt detected");
        assertThat(error.path("embeds").get(0).path("description").asString()).contains("`gore`");
    }

    @Test
    void unknownParameterIsInvalidParameter() {
        JsonNode error = expectError(user.imagine("a cat --foo 2").accepted(), "Invalid parameter");
        assertThat(error.path("embeds").get(0).path("description").asString())
                .isEqualTo("Unrecognized parameter(s): `--foo`");
    }

    @Test
    void unreadableAspectRatioIsInvalidParameter() {
        JsonNode error = expectError(user.imagine("a cat --ar 3:x").accepted(), "Invalid parameter");
        assertThat(error.path("embeds").get(0).path("description").asString()).contains("--ar 3:x");
    }

    @Test
    void fastJobWithoutFastTimeIsCreditsExhausted() {
        user.control().updateUser(user.userId, s -> s.withFastSecondsRemaining(0));
        expectError(user.imagine("a cat").accepted(), "Credits exhausted");
        // Relax mode still works.
        user.control().updateUser(user.userId, s -> s.withMode(SpeedMode.RELAX));
        user.imagineGrid("a cat");
    }

    @Test
    void noPlanIsSubscriptionRequired() {
        user.control().updateUser(user.userId, s -> s.withPlan(Plan.NONE));
        expectError(user.imagine("a cat").accepted(), "Subscription required");
    }

    @ParameterizedTest
    @EnumSource(value = Standing.class, names = "GOOD", mode = EnumSource.Mode.EXCLUDE)
    void badStandingAnswersWithItsTitle(Standing standing) {
        user.control().updateUser(user.userId, s -> s.withStanding(standing));
        expectError(user.imagine("a cat").accepted(), standing.embedTitle());
    }

    @Test
    void bannedUserIsBlockedAlsoOnButtons() {
        SandboxUserSession.JobTrace grid = user.imagineGrid("a cat");
        user.control().ban(user.userId);
        expectError(user.press(grid.result(), grid.customId("MJ::JOB::upsample::1")).accepted(), "Blocked");
        user.control().unban(user.userId);
        user.followJob(user.press(grid.result(), grid.customId("MJ::JOB::upsample::1")).accepted());
    }

    @Test
    void outputFilterStopsTheStartedJob() {
        user.control().failNextJobWithOutputFilter(user.userId);
        SandboxUserSession.Sent sent = user.imagine("a harmless cat").accepted();
        JsonNode start = user.awaitAnswer(sent, d -> d.path("content").asString().endsWith("(Waiting to start)"));
        user.await("MESSAGE_DELETE", d -> start.path("id").asString().equals(d.path("id").asString()));
        JsonNode error = user.awaitEmbed(sent, "Request cancelled due to output filters");
        assertThat(error.path("interaction_metadata").path("id").asString())
                .isEqualTo(start.path("interaction_metadata").path("id").asString());
        // Only the next job was filtered.
        user.imagineGrid("a harmless cat");
    }

    private JsonNode expectError(SandboxUserSession.Sent sent, String title) {
        user.awaitSuccess(sent);
        JsonNode error = user.awaitEmbed(sent, title);
        assertThat(error.path("flags").asInt() & 64).as("ephemeral").isEqualTo(64);
        assertThat(error.path("embeds").get(0).path("color").asInt()).isIn(16711680, 15548997);
        String interactionId = user.awaitInteractionCreate(sent).path("id").asString();
        assertThat(error.path("interaction_metadata").path("id").asString()).isEqualTo(interactionId);
        assertThat(user.received("MESSAGE_CREATE", d -> sent.nonce().equals(d.path("nonce").asString(null))
                && d.path("content").asString().contains("Waiting to start"))).isEmpty();
        return error;
    }
}
