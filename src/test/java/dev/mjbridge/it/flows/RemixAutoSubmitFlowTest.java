package dev.mjbridge.it.flows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remix mode on in Midjourney, but the client did not ask for a modal: the sandbox
 * accounts answer the remix pop-up with the parent prompt ({@code remixAutoSubmit},
 * the default), so V1 and 🔄 end SUCCESS instead of hanging in MODAL. What the account
 * learned about remix follows Midjourney when remix is turned off again.
 */
class RemixAutoSubmitFlowTest extends FlowTest {

    private static final int MODAL_SUBMIT = 5;

    @AfterEach
    void remixOff() {
        sandbox.setRemix(SandboxControlApi.USER_1, false);
        sandbox.setRemix(SandboxControlApi.USER_2, false);
    }

    @Test
    void remixPopUpsAreAnsweredWithTheParentPrompt() {
        JsonNode grid = imagine("a tree house in autumn");
        sandbox.setRemix(SandboxControlApi.USER_1, true);
        sandbox.setRemix(SandboxControlApi.USER_2, true);

        JsonNode variation = pressAndFinish(grid, "V1", "VARIATION");
        JsonNode reroll = pressAndFinish(grid, "::reroll::", "REROLL");

        for (JsonNode task : new JsonNode[] {variation, reroll}) {
            assertThat(task.path("properties").path("finalPrompt").asString()).isEqualTo("a tree house in autumn");
            assertThat(sentLast(task).path("type").asInt()).as("answered the remix modal").isEqualTo(MODAL_SUBMIT);
        }
        // An unchanged prompt is a plain variation, not a remix; V7 says "Variations (Strong) by".
        assertThat(resultContent(variation)).contains("Variations (Strong) by");
        String accountId = variation.path("properties").path("discordInstanceId").asString();
        assertThat(remixOf(accountId)).as("the account learned that remix is on").isEqualTo("true");

        remixOff();
        JsonNode plain = pressAndFinish(grid, "V2", "VARIATION");
        assertThat(sentLast(plain).path("type").asInt()).as("no modal this time").isEqualTo(3);
        assertThat(remixOf(accountId)).as("and that it is off again").isEqualTo("false");
    }

    private String remixOf(String accountId) {
        return api.get("/mj/account/" + accountId + "/fetch").body().path("remix").asString();
    }

    /** The last interaction the sandbox received for the task (its nonce changes with each send). */
    private JsonNode sentLast(JsonNode task) {
        JsonNode received = sandbox.interactionsWithNonce(task.path("properties").path("nonce").asString());
        assertThat(received.path("count").asInt()).as(received.toString()).isEqualTo(1);
        return received.path("interactions").get(0);
    }
}
