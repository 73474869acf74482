package dev.mjbridge.it.flows;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Midjourney refuses a prompt with an error embed: the task fails with
 * {@code [title] description}, as clients show it.
 */
class ErrorEmbedFlowTest extends FlowTest {

    @Test
    void unknownParameter() {
        String id = api.submit("/mj/submit/imagine", "{\"prompt\": \"a cat on a sofa --foo 3\"}");

        JsonNode task = api.awaitFinal(id);
        assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("FAILURE");
        assertThat(task.path("failReason").asString()).startsWith("[Invalid parameter] ").contains("--foo");
        assertThat(task.path("imageUrl").isNull()).isTrue();
        assertThat(task.path("buttons").size()).isZero();
    }

    /** "bloodbath" is on the sandbox's list only, so it passes the proxy's own list (code 24) and reaches the bot. */
    @Test
    void wordMidjourneyBans() {
        String id = api.submit("/mj/submit/imagine", "{\"prompt\": \"a medieval bloodbath painting\"}");

        JsonNode task = api.awaitFinal(id);
        assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("FAILURE");
        assertThat(task.path("failReason").asString()).startsWith("[Banned prompt detected] ").contains("bloodbath");
        assertThat(api.get("/mj/account/" + task.path("properties").path("discordInstanceId").asString() + "/fetch")
                .body().path("enabled").asBoolean()).as("a banned prompt does not disable the account").isTrue();
    }
}
