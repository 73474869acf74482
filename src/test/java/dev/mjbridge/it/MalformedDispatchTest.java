package dev.mjbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mjbridge.discord.DiscordEndpoints;
import tools.jackson.databind.JsonNode;

/**
 * The gateway session survives malformed frames (docs/reliability.md): garbage dispatches sent
 * to a simulated user through the sandbox's control API are logged and skipped; the
 * account stays READY on the same connection, a job in flight meanwhile finishes, and
 * later jobs succeed.
 */
class MalformedDispatchTest extends ProxyIntegrationTest {

    private static final String HUGE = "**".repeat(40_000) + " - <@1100000000000000011> (" + "9".repeat(20_000);

    /** {event, data}: wrong shapes for every event the account listens to, and some it does not. */
    private static final List<String[]> GARBAGE = List.of(
            new String[] {"MESSAGE_CREATE", "\"garbage\""},
            new String[] {"MESSAGE_CREATE", "12345"},
            new String[] {"MESSAGE_CREATE", "true"},
            new String[] {"MESSAGE_UPDATE", """
                    {"id": {"x": 1}, "content": 7, "embeds": "x", "attachments": {"a": 1}, "nonce": [],
                     "author": "me", "components": [[[]]], "mentions": 5, "interaction_metadata": "id"}"""},
            new String[] {"MESSAGE_CREATE", "{\"content\": \"" + HUGE + "\", \"author\": {\"id\": \"936929561302675456\"}}"},
            new String[] {"MESSAGE_DELETE", "[1, 2, 3]"},
            new String[] {"INTERACTION_SUCCESS", "[]"},
            new String[] {"INTERACTION_FAILURE", "{\"id\": null, \"nonce\": {\"a\": []}}"},
            new String[] {"INTERACTION_MODAL_CREATE", "{\"custom_id\": null, \"components\": \"x\", \"nonce\": 1}"},
            new String[] {"INTERACTION_IFRAME_MODAL_CREATE", "{\"custom_id\": 42, \"iframe_path\": []}"},
            new String[] {"RESUMED", "\"garbage\""},
            new String[] {"READY", "\"garbage\""},
            new String[] {"READY", "{\"session_id\": 17, \"user\": \"nobody\"}"},
            new String[] {"SOMETHING_NEW", "{\"d\": {\"e\": {\"e\": {\"p\": []}}}}"});

    @Autowired
    DiscordEndpoints endpoints;

    @AfterEach
    void resumeBot() {
        new SandboxApi(endpoints.server()).resumeBot();
    }

    @Test
    void garbageDispatchesAreSkippedAndTheSessionCarriesOn() {
        SandboxApi sandbox = new SandboxApi(endpoints.server());
        sandbox.pauseBot();
        String inFlight = api.submit("/mj/submit/imagine", imagineOnFirst("a lighthouse in a storm"));
        api.awaitTask(inFlight, t -> t.path("properties").hasNonNull("interactionId"), "acknowledged by Discord");

        for (String[] garbage : GARBAGE) {
            JsonNode sent = sandbox.dispatch(SandboxApi.USER_1, garbage[0], garbage[1]);
            assertThat(sent.path("connectionsAffected").asInt()).as(garbage[0]).isEqualTo(1);
        }
        sandbox.resumeBot();

        JsonNode finished = api.awaitFinal(inFlight);
        assertThat(finished.path("status").asString()).as(finished.toString()).isEqualTo("SUCCESS");
        JsonNode later = api.awaitFinal(api.submit("/mj/submit/imagine", imagineOnFirst("a lighthouse at dawn")));
        assertThat(later.path("status").asString()).as(later.toString()).isEqualTo("SUCCESS");
        assertThat(api.get("/mj/account/sandbox-1/fetch").body().path("state").asString()).isEqualTo("READY");
        // The same session sent both jobs: no garbage replaced or corrupted it.
        assertThat(sessionIdOf(sandbox, finished)).isNotBlank().isEqualTo(sessionIdOf(sandbox, later));
    }

    private static String sessionIdOf(SandboxApi sandbox, JsonNode task) {
        String nonce = task.path("properties").path("nonce").asString();
        JsonNode received = sandbox.get("/received/interactions?nonce=" + nonce).path("interactions");
        assertThat(received.size()).as("interactions with nonce " + nonce).isEqualTo(1);
        return received.path(0).path("payload").path("session_id").asString();
    }

    private static String imagineOnFirst(String prompt) {
        return "{\"prompt\": \"" + prompt + "\", \"accountFilter\": {\"instanceId\": \"sandbox-1\"}}";
    }
}
