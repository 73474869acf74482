package dev.mjbridge.it.flows;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Describe an image by its link, then imagine one of the four suggestions. */
class DescribeLinkFlowTest extends FlowTest {

    private static final String LINK = "https://example.com/cat.png";

    @Test
    void describeALinkThenPickASuggestion() {
        String describeId = api.submit("/mj/submit/describe", "{\"link\": \"%s\"}".formatted(LINK));
        JsonNode described = api.awaitFinal(describeId);
        assertThat(described.path("status").asString()).as(described.toString()).isEqualTo("SUCCESS");
        assertThat(described.path("action").asString()).isEqualTo("DESCRIBE");
        assertThat(described.path("description").asString()).isEqualTo("/describe " + LINK);
        assertThat(described.path("imageUrl").asString()).isEqualTo(LINK);
        List<String> prompts = prompts(described.path("promptEn").asString());
        assertThat(prompts).as(described.path("promptEn").asString()).hasSize(4).allSatisfy(p -> assertThat(p).isNotBlank());
        assertThat(described.path("buttons").findValuesAsString("customId"))
                .contains("MJ::Job::PicReader::1", "MJ::Job::PicReader::4");

        String pickId = api.submit("/mj/submit/action", """
                {"taskId": "%s", "customId": "MJ::Job::PicReader::3"}""".formatted(describeId));
        JsonNode picked = assertSucceeded(api.awaitFinal(pickId), "IMAGINE");
        assertThat(picked.path("prompt").asString()).isEqualTo(prompts.get(2));
        assertThat(picked.path("properties").path("parentId").asString()).isEqualTo(describeId);
    }

    /** The describe answer as clients read it: {@code 1️⃣ prompt} per paragraph. */
    private static List<String> prompts(String promptEn) {
        List<String> prompts = new ArrayList<>();
        for (String paragraph : promptEn.split("\n\n")) {
            prompts.add(paragraph.replaceFirst("^\\d\uFE0F\u20E3\\s*", "").strip());
        }
        return prompts;
    }
}
