package dev.mjbridge.it.flows;

import dev.mjbridge.it.MjApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rating (bookmark) button through {@code /mj/submit/action}: a {@code RATE} task that
 * succeeds when Midjourney answers "You have successfully rated", whether it answers at once
 * or in the deferred form (a thinking message, then its edit without nonce). The answer
 * replies to the rated message but changes no other task of it.
 */
class RatingFlowTest extends Flow2026Test {

    @Test
    void theSimulatedBotRatesAnUpscale() {
        JsonNode upscale = simulatedUpscale("a teapot on a cliff");

        assertRated(api.awaitFinal(press(upscale, "MJ::BOOKMARK::")), upscale);
        assertThat(api.fetch(upscale.path("id").asString())).as("the rated task is unchanged").isEqualTo(upscale);
    }

    @Test
    void theBookmarkMakesARatingTaskThatSucceeds() {
        JsonNode upscale = upscaleOnAccount("a paper crane over a pond");
        arm("rate.json");

        JsonNode rating = api.awaitFinal(press(upscale, "MJ::BOOKMARK::"));

        assertRated(rating, upscale);
        assertThat(api.fetch(upscale.path("id").asString())).as("the rated task is unchanged").isEqualTo(upscale);
    }

    @Test
    void aDeferredRatingAnswerIsFollowedToItsEdit() {
        JsonNode upscale = upscaleOnAccount("a lantern in the fog");
        arm("rate-deferred.json");

        assertRated(api.awaitFinal(press(upscale, "MJ::BOOKMARK::")), upscale);
    }

    @Test
    void theRatingAnswerDoesNotFinishAnotherPressOnTheSameMessage() {
        JsonNode upscale = upscaleOnAccount("a heron at dawn");
        arm("vary-strong-running.json");
        String vary = press(upscale, "Vary (Strong)");
        api.awaitTask(vary, t -> t.path("progress").asString().equals("27%"), "at 27%");
        arm("rate.json");

        JsonNode rating = api.awaitFinal(press(upscale, "MJ::BOOKMARK::"));

        assertRated(rating, upscale);
        JsonNode still = api.fetch(vary);
        assertThat(still.path("status").asString()).as(still.toString()).isEqualTo("IN_PROGRESS");
        assertThat(still.path("progress").asString()).isEqualTo("27%");
        api.post("/mj/task/" + vary + "/cancel", "");
    }

    private static void assertRated(JsonNode rating, JsonNode upscale) {
        assertThat(rating.path("status").asString()).as(rating.toString()).isEqualTo("SUCCESS");
        assertThat(rating.path("action").asString()).isEqualTo("RATE");
        assertThat(rating.path("customId").asString()).isEqualTo(MjApi.button(upscale, "MJ::BOOKMARK::"));
        assertThat(rating.path("properties").path("parentId").asString()).isEqualTo(upscale.path("id").asString());
        assertThat(rating.path("description").asString()).endsWith(" Rate");
        assertThat(rating.path("progress").asString()).isEqualTo("100%");
        assertNoVideoFields(rating);
    }
}
