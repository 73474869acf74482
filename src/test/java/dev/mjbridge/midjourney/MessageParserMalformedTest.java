package dev.mjbridge.midjourney;

import static dev.mjbridge.midjourney.TestMessages.JSON;
import static dev.mjbridge.midjourney.TestMessages.fromBot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mjbridge.midjourney.MjEvent.JobProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Payloads of the wrong shape never make the parser throw. */
class MessageParserMalformedTest extends ParserTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {
            "null", "[]", "\"text\"", "42", "{}",
            "{\"content\":null}",
            "{\"content\":{\"a\":1},\"author\":{\"id\":\"936929561302675456\"}}",
            "{\"author\":\"936929561302675456\",\"content\":\"**a** - <@1> (5%)\"}",
            "{\"author\":{\"id\":936929561302675456},\"content\":\"**a** - <@1> (5%)\",\"attachments\":\"x\"}",
            "{\"author\":{\"id\":\"936929561302675456\"},\"content\":\"**a** - <@1> (fast)\",\"attachments\":[null,1,{\"url\":{}}]}",
            "{\"author\":{\"id\":\"936929561302675456\"},\"content\":\"**\",\"embeds\":[null]}",
            "{\"author\":{\"id\":\"936929561302675456\"},\"content\":\"****\",\"embeds\":[{\"title\":[1],\"color\":\"red\"}]}",
            "{\"author\":{\"id\":\"936929561302675456\"},\"content\":\"** - \",\"components\":[{\"components\":\"x\"},[],null]}",
            "{\"author\":{\"id\":\"936929561302675456\"},\"content\":\"**x** - <@> (999999999999%)\"}",
            "{\"author\":{\"id\":\"936929561302675456\"},\"embeds\":[{\"description\":\"1️⃣\"}],\"nonce\":{}}",
            "{\"author\":{\"id\":\"936929561302675456\"},\"interaction\":{\"name\":[]},\"nonce\":\"1\"}",
            "{\"id\":{},\"custom_id\":7,\"components\":{\"type\":4}}",
    })
    void neverThrows(String json) {
        JsonNode node = JSON.readTree(json);
        for (String type : new String[]{"MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "INTERACTION_SUCCESS",
                "INTERACTION_CREATE", "INTERACTION_FAILURE", "INTERACTION_MODAL_CREATE",
                "INTERACTION_IFRAME_MODAL_CREATE"}) {
            assertThat(parser.parseUnguarded(type, node)).isNotNull();
        }
    }

    @Test
    void nullPayloadIsEmpty() {
        assertThat(parser.parse("MESSAGE_CREATE", null)).isEmpty();
        assertThat(parser.parseFrame(null)).isEmpty();
    }

    @Test
    void absurdPercentagesAreCapped() {
        JobProgress progress = (JobProgress) create(fromBot("**a** - " + U + " (999%) (fast)"));

        assertThat(progress.percent()).isEqualTo(100);
    }

    @Test
    void malformedDeleteAndInteractionsAreEmpty() {
        assertThat(parse("MESSAGE_DELETE", "{}")).isEmpty();
        assertThat(parse("INTERACTION_SUCCESS", "{}")).isEmpty();
        assertThat(parse("INTERACTION_FAILURE", "{\"reason_code\":1}")).isEmpty();
        assertThat(parse("INTERACTION_MODAL_CREATE", "{\"id\":\"1\"}")).isEmpty();
    }
}
