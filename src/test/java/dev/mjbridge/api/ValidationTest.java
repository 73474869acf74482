package dev.mjbridge.api;

import static dev.mjbridge.api.ApiFixture.PNG;
import static dev.mjbridge.api.ApiFixture.base64;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

/**
 * Each invalid field of each submit answers HTTP 200, code 4, and a description that
 * starts with the field's name; the core is never called.
 */
class ValidationTest {

    private static final ApiProperties STRICT = new ApiProperties(null, List.of("nsfw", "\u88F8\u4F53"),
            new ApiProperties.Limits(64, 100, 3));
    private static final String IMAGE = base64(PNG);
    private static final String NOT_AN_IMAGE = base64("hello, world".getBytes());

    private final ApiFixture api = new ApiFixture(STRICT);

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                // imagine
                invalid("/mj/submit/imagine", "{}", "prompt: is required"),
                invalid("/mj/submit/imagine", "{\"prompt\": \"  \"}", "prompt: is required"),
                invalid("/mj/submit/imagine", "{\"prompt\": 123}", "prompt: must be a string"),
                invalid("/mj/submit/imagine", "{\"prompt\": \"" + "a".repeat(101) + "\"}", "prompt: is longer than 100"),
                invalid("/mj/submit/imagine", "{\"prompt\": \"cat\", \"botType\": \"DALL_E\"}",
                        "botType: must be one of MID_JOURNEY, NIJI_JOURNEY"),
                invalid("/mj/submit/imagine", "{\"prompt\": \"cat\", \"botType\": 5}", "botType: must be a string"),
                invalid("/mj/submit/imagine", "{\"prompt\": \"cat\", \"notifyHook\": \"ftp://x.example\"}",
                        "notifyHook: must be an http or https URL"),
                invalid("/mj/submit/imagine", "{\"prompt\": \"cat\", \"state\": {}}", "state: must be a string"),
                invalid("/mj/submit/imagine", "{\"prompt\": \"cat\", \"base64Array\": \"" + IMAGE + "\"}",
                        "base64Array: must be an array of strings"),
                invalid("/mj/submit/imagine", "{\"prompt\": \"cat\", \"base64Array\": [1]}",
                        "base64Array[0]: must be a string"),
                invalid("/mj/submit/imagine", "{\"prompt\": \"cat\", \"base64Array\": [\"\"]}",
                        "base64Array[0]: is empty"),
                invalid("/mj/submit/imagine", "{\"prompt\": \"cat\", \"base64Array\": [\"" + IMAGE + "\", \""
                        + NOT_AN_IMAGE + "\"]}", "base64Array[1]: not a PNG, JPEG, WebP or GIF image"),
                invalid("/mj/submit/imagine", "{\"prompt\": \"cat\", \"base64Array\": [\"@@@@\"]}",
                        "base64Array[0]: is not valid base64"),
                invalid("/mj/submit/imagine", "{\"prompt\": \"cat\", \"base64Array\": [\"data:image/png,abc\"]}",
                        "base64Array[0]: a data URL must be base64"),
                invalid("/mj/submit/imagine", "{\"prompt\": \"cat\", \"base64Array\": [\""
                        + base64(new byte[200]) + "\"]}", "base64Array[0]: image is larger than 64 bytes"),
                invalid("/mj/submit/imagine", "{\"prompt\": \"cat\", \"base64Array\": "
                        + images(4) + "}", "base64Array: holds more than 3 images"),
                invalid("/mj/submit/imagine", "{\"prompt\": \"cat\", \"base64\": \"" + NOT_AN_IMAGE + "\"}",
                        "base64: not a PNG, JPEG, WebP or GIF image"),
                invalid("/mj/submit/imagine", "{\"prompt\": \"cat\", \"accountFilter\": \"main\"}",
                        "accountFilter: must be an object"),
                invalid("/mj/submit/imagine", "{\"prompt\": \"cat\", \"accountFilter\": {\"instanceId\": {}}}",
                        "accountFilter.instanceId: must be a string"),
                invalid("/mj/submit/imagine", "{\"prompt\": \"cat\", \"accountFilter\": {\"channelId\": []}}",
                        "accountFilter.channelId: must be a string"),
                invalid("/mj/submit/imagine", "{\"prompt\": \"cat\", \"accountFilter\": {\"modes\": \"FAST\"}}",
                        "accountFilter.modes: must be an array of strings"),
                invalid("/mj/submit/imagine", "{\"prompt\": \"cat\", \"accountFilter\": {\"modes\": [\"FAST\", \"SLOW\"]}}",
                        "accountFilter.modes[1]: must be one of FAST, RELAX, TURBO"),
                invalid("/mj/submit/imagine", "{\"prompt\": \"cat\", \"accountFilter\": {\"remix\": \"maybe\"}}",
                        "accountFilter.remix: must be true or false"),
                // blend
                invalid("/mj/submit/blend", "{\"base64Array\": [\"" + IMAGE + "\"]}",
                        "base64Array: must hold 2 to 5 images, got 1"),
                invalid("/mj/submit/blend", "{\"base64Array\": " + images(6) + "}",
                        "base64Array: must hold 2 to 5 images, got 6"),
                invalid("/mj/submit/blend", "{}", "base64Array: must hold 2 to 5 images, got 0"),
                invalid("/mj/submit/blend", "{\"base64Array\": " + images(2) + ", \"dimensions\": \"WIDE\"}",
                        "dimensions: must be one of PORTRAIT, SQUARE, LANDSCAPE"),
                invalid("/mj/submit/blend", "{\"base64Array\": [\"" + IMAGE + "\", \"" + NOT_AN_IMAGE + "\"]}",
                        "base64Array[1]: not a PNG, JPEG, WebP or GIF image"),
                invalid("/mj/submit/blend", "{\"base64Array\": " + images(2) + ", \"botType\": \"niji5\"}",
                        "botType: must be one of"),
                // describe
                invalid("/mj/submit/describe", "{}", "base64: is required"),
                invalid("/mj/submit/describe", "{\"base64\": \"" + IMAGE + "\", \"link\": \"https://x.example/a.png\"}",
                        "link: give either base64 or link"),
                invalid("/mj/submit/describe", "{\"link\": \"cat.png\"}", "link: must be an http or https URL"),
                invalid("/mj/submit/describe", "{\"base64\": \"" + NOT_AN_IMAGE + "\"}",
                        "base64: not a PNG, JPEG, WebP or GIF image"),
                invalid("/mj/submit/describe", "{\"base64\": [\"" + IMAGE + "\"]}", "base64: must be a string"),
                // shorten
                invalid("/mj/submit/shorten", "{\"prompt\": \"\"}", "prompt: is required"),
                invalid("/mj/submit/shorten", "{\"prompt\": [\"cat\"]}", "prompt: must be a string"),
                // action
                invalid("/mj/submit/action", "{\"customId\": \"MJ::JOB::upsample::1::h\"}", "taskId: is required"),
                invalid("/mj/submit/action", "{\"taskId\": 1.5, \"customId\": \"MJ::JOB::upsample::1::h\"}",
                        "taskId: must be a string"),
                invalid("/mj/submit/action", "{\"taskId\": \"1\"}", "customId: is required"),
                invalid("/mj/submit/action", "{\"taskId\": \"1\", \"customId\": \"x\", \"chooseSameChannel\": \"yes\"}",
                        "chooseSameChannel: must be true or false"),
                invalid("/mj/submit/action", "{\"taskId\": \"1\", \"customId\": \"x\", \"notifyHook\": \"hook\"}",
                        "notifyHook: must be an http or https URL"),
                // modal
                invalid("/mj/submit/modal", "{\"prompt\": \"x\"}", "taskId: is required"),
                invalid("/mj/submit/modal", "{\"taskId\": \"1\", \"prompt\": \"" + "b".repeat(101) + "\"}",
                        "prompt: is longer than 100"),
                invalid("/mj/submit/modal", "{\"taskId\": \"1\", \"maskBase64\": \"***\"}",
                        "maskBase64: is not valid base64"),
                // change
                invalid("/mj/submit/change", "{\"taskId\": \"1\", \"index\": 1}", "action: is required"),
                invalid("/mj/submit/change", "{\"taskId\": \"1\", \"action\": \"ZOOM\", \"index\": 1}",
                        "action: must be one of UPSCALE, VARIATION, REROLL"),
                invalid("/mj/submit/change", "{\"taskId\": \"1\", \"action\": \"UPSCALE\"}",
                        "index: is required for UPSCALE"),
                invalid("/mj/submit/change", "{\"taskId\": \"1\", \"action\": \"UPSCALE\", \"index\": 5}",
                        "index: must be between 1 and 4"),
                invalid("/mj/submit/change", "{\"taskId\": \"1\", \"action\": \"VARIATION\", \"index\": \"two\"}",
                        "index: must be a whole number"),
                invalid("/mj/submit/change", "{\"action\": \"REROLL\"}", "taskId: is required"),
                // simple-change
                invalid("/mj/submit/simple-change", "{}", "content: is required"),
                invalid("/mj/submit/simple-change", "{\"content\": \"1732800000000001 U5\"}", "content: must read"),
                invalid("/mj/submit/simple-change", "{\"content\": \"1732800000000001\"}", "content: must read"),
                invalid("/mj/submit/simple-change", "{\"content\": 17}", "content: must be a string"),
                // upload
                invalid("/mj/submit/upload-discord-images", "{}", "base64Array: is required"),
                invalid("/mj/submit/upload-discord-images", "{\"base64Array\": [\"" + NOT_AN_IMAGE + "\"]}",
                        "base64Array[0]: not a PNG, JPEG, WebP or GIF image"),
                invalid("/mj/submit/upload-discord-images", "{\"base64Array\": " + images(4) + "}",
                        "base64Array: holds more than 3 images"),
                // the body itself
                invalid("/mj/submit/imagine", "{\"prompt\": ", "body: is not valid JSON"),
                invalid("/mj/submit/imagine", "{\"prompt\": \"cat\"} trailing", "body: is not valid JSON"),
                invalid("/mj/submit/imagine", "{'prompt': 'cat'}", "body: is not valid JSON"),
                invalid("/mj/submit/imagine", "", "body: is required"),
                invalid("/mj/submit/imagine", "[\"cat\"]", "body: must be a JSON object"),
                invalid("/mj/submit/action", "null", "body: must be a JSON object"),
                invalid("/mj/submit/modal", "\"taskId\"", "body: must be a JSON object"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("invalidFields")
    void invalidFieldIsCode4NamingTheField(String path, String body, String expectedDescription) throws Exception {
        api.mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(4))
                .andExpect(jsonPath("$.description").value(startsWith(expectedDescription)))
                .andExpect(jsonPath("$.result").doesNotExist())
                .andExpect(jsonPath("$.properties").isMap());

        verify(api.tasks, never()).submit(any(), any(), any());
        verify(api.tasks, never()).submitAction(any(), any(), any());
        verify(api.tasks, never()).submitModal(any(), any(), any());
        verify(api.tasks, never()).uploadImages(any());
    }

    @Test
    void aBannedWordIsCode24WithPromptAndWord() throws Exception {
        api.mvc.perform(post("/mj/submit/imagine").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prompt\": \"a NSFW cat\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(24))
                .andExpect(jsonPath("$.properties.promptEn").value("a NSFW cat"))
                .andExpect(jsonPath("$.properties.bannedWord").value("nsfw"));
        verify(api.tasks, never()).submit(any(), any(), any());
    }

    @Test
    void bannedWordsInOtherScriptsMatchInsideText() throws Exception {
        api.mvc.perform(post("/mj/submit/shorten").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prompt\": \"\u4E00\u4E2A\u88F8\u4F53\u7684\u4EBA\"}"))
                .andExpect(jsonPath("$.code").value(24))
                .andExpect(jsonPath("$.properties.bannedWord").value("\u88F8\u4F53"));
    }

    @Test
    void aBannedWordInAModalPromptIsCode24() throws Exception {
        api.mvc.perform(post("/mj/submit/modal").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"taskId\": \"1\", \"prompt\": \"nsfw --zoom 2\"}"))
                .andExpect(jsonPath("$.code").value(24));
        verify(api.tasks, never()).submitModal(any(), any(), any());
    }

    @Test
    void wordsThatOnlyContainABannedWordPass() throws Exception {
        ApiFixture defaults = new ApiFixture(new ApiProperties(null, List.of("sex"), ApiProperties.Limits.DEFAULTS));

        defaults.mvc.perform(post("/mj/submit/imagine").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prompt\": \"a castle in Essex\"}"))
                .andExpect(jsonPath("$.code").value(1));
    }

    @Test
    void parserMessagesDoNotLeakStackTraces() throws Exception {
        api.mvc.perform(post("/mj/submit/imagine").contentType(MediaType.APPLICATION_JSON).content("{\"a\":}"))
                .andExpect(jsonPath("$.description").value(not(Matchers.containsString("at tools.jackson"))))
                .andExpect(jsonPath("$.description").value(Matchers.containsString("line 1")));
    }

    private static Arguments invalid(String path, String body, String description) {
        return Arguments.of(path, body, description);
    }

    private static String images(int count) {
        return "[" + String.join(", ", Collections.nCopies(count, "\"" + IMAGE + "\"")) + "]";
    }
}
