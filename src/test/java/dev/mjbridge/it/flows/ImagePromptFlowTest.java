package dev.mjbridge.it.flows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imagine with image prompts: the images are uploaded to Discord first, and their URLs
 * lead the prompt Midjourney receives and echoes.
 */
class ImagePromptFlowTest extends FlowTest {

    private static final Pattern LEADING_URL = Pattern.compile("^(https?://\\S+)\\s+");

    @ParameterizedTest(name = "{0} image(s)")
    @ValueSource(ints = {1, 2})
    void imagePromptsLeadThePrompt(int count) {
        int uploadsBefore = sandbox.uploads().path("count").asInt();
        List<String> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            images.add("\"" + Images.pngDataUrl(16, 16, 0x204080 + i * 0x101010) + "\"");
        }
        String id = api.submit("/mj/submit/imagine", """
                {"prompt": "a castle made of glass", "base64Array": [%s]}""".formatted(String.join(", ", images)));

        JsonNode task = assertSucceeded(api.awaitFinal(id), "IMAGINE");
        String finalPrompt = task.path("properties").path("finalPrompt").asString();
        List<String> urls = leadingUrls(finalPrompt);
        assertThat(urls).as(finalPrompt).hasSize(count);
        assertThat(finalPrompt).endsWith("a castle made of glass");
        assertThat(task.path("prompt").asString()).isEqualTo("a castle made of glass");
        for (String url : urls) {
            // Discord's (and the sandbox's) attachment links are signed: ?ex=...&is=...&hm=...&
            assertThat(url.replaceFirst("\\?.*$", "")).endsWith(".png");
            Images.downloadPng(url);
        }

        JsonNode uploads = sandbox.uploads();
        assertThat(uploads.path("count").asInt() - uploadsBefore).isEqualTo(count);
        for (int i = uploadsBefore; i < uploads.path("count").asInt(); i++) {
            JsonNode upload = uploads.path("uploads").get(i);
            assertThat(upload.path("userId").asString()).isIn(SandboxControlApi.USER_1, SandboxControlApi.USER_2);
            assertThat(upload.path("size").asInt()).isPositive();
        }
    }

    private static List<String> leadingUrls(String prompt) {
        List<String> urls = new ArrayList<>();
        String rest = prompt;
        Matcher matcher = LEADING_URL.matcher(rest);
        while (matcher.find()) {
            urls.add(matcher.group(1));
            rest = rest.substring(matcher.end());
            matcher = LEADING_URL.matcher(rest);
        }
        return urls;
    }
}
