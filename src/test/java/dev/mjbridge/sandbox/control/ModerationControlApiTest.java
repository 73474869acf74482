package dev.mjbridge.sandbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mjbridge.sandbox.SandboxServer;
import dev.mjbridge.sandbox.SharedSandbox;
import dev.mjbridge.sandbox.bot.Standing;
import dev.mjbridge.sandbox.rest.SandboxHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The moderation control endpoints: what they set, and bad input answered 400 naming the field. */
class ModerationControlApiTest {

    private final SandboxServer sandbox = SharedSandbox.get();
    private final SandboxHttp http = new SandboxHttp(sandbox.restBaseUrl());

    @BeforeEach
    @AfterEach
    void reset() {
        sandbox.control().reset();
    }

    @Test
    void softFlagWordsAndAppealsAreSetAndResetForgetsThem() {
        SandboxHttp.Response set = http.control("POST", "/sandbox/moderation",
                "{\"softFlagWords\": [\"Lantern\", \"kite\"], \"appeals\": \"reject\"}");

        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        JsonNode settings = http.control("GET", "/sandbox/moderation", null).json();
        assertThat(settings.path("softFlagWords").toString()).isEqualTo("[\"lantern\",\"kite\"]");
        assertThat(settings.path("appeals").asString()).isEqualTo("REJECT");

        sandbox.control().reset();

        JsonNode after = http.control("GET", "/sandbox/moderation", null).json();
        assertThat(after.path("softFlagWords").size()).isZero();
        assertThat(after.path("appeals").asString()).isEqualTo("ACCEPT");
    }

    @Test
    void aModMessageAndATimedBlockSetTheStanding() {
        String userId = http.userIdOf(SharedSandbox.freshToken("moderated"));

        SandboxHttp.Response pending = http.control("POST", "/sandbox/users/" + userId + "/mod-message",
                "{\"text\": \"Be kind.\", \"blockSeconds\": 60}");
        assertThat(pending.status()).as(pending.toString()).isEqualTo(200);
        assertThat(sandbox.control().user(userId).standing()).isEqualTo(Standing.PENDING_MOD_MESSAGE);

        SandboxHttp.Response blocked = http.control("POST", "/sandbox/users/" + userId + "/block", "{\"seconds\": 60}");
        assertThat(blocked.status()).as(blocked.toString()).isEqualTo(200);
        assertThat(blocked.json().path("midjourney").path("standing").asString()).isEqualTo("BLOCKED");
    }

    @Test
    void badInputNamesTheField() {
        String userId = http.userIdOf(SharedSandbox.freshToken("bad-moderation"));

        assertBadRequest(http.control("POST", "/sandbox/users/" + userId + "/block", "{}"), "seconds");
        assertBadRequest(http.control("POST", "/sandbox/users/" + userId + "/block", "{\"seconds\": 0}"), "seconds");
        assertBadRequest(http.control("POST", "/sandbox/users/" + userId + "/mod-message", "{\"blockSeconds\": -1}"),
                "blockSeconds");
        assertBadRequest(http.control("POST", "/sandbox/moderation", "{\"softFlagWords\": \"lantern\"}"), "softFlagWords");
        assertBadRequest(http.control("POST", "/sandbox/moderation", "{\"appeals\": \"maybe\"}"), "appeals");
        assertBadRequest(http.control("POST", "/sandbox/moderation", "{\"softFlags\": []}"), "softFlags");
        SandboxHttp.Response unknown = http.control("POST", "/sandbox/users/1999999999999999999/block", "{\"seconds\": 5}");
        assertThat(unknown.status()).isEqualTo(404);
    }

    private static void assertBadRequest(SandboxHttp.Response response, String messagePart) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("error").asString()).contains(messagePart);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
