package dev.mjbridge.api;

import static dev.mjbridge.api.ApiFixture.PNG;
import static dev.mjbridge.api.ApiFixture.base64;
import static dev.mjbridge.api.ApiFixture.dataUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.midjourney.JobRequest;
import dev.mjbridge.task.Routing;
import dev.mjbridge.task.Task;
import dev.mjbridge.midjourney.JobKind;

/**
 * {@code POST /mj/submit/video}: the start frame (base64, uploaded, or imageUrl, as given) and
 * {@code --video 1 --motion <m>} make one /imagine; every mistake is code 4 naming the field.
 */
class VideoSubmitTest {

    private static final ApiProperties SMALL_IMAGES = new ApiProperties(null, List.of("nsfw"),
            new ApiProperties.Limits(64, 100, 3));

    private final ApiFixture api = new ApiFixture(SMALL_IMAGES);

    private ResultActions postJson(String path, String json) throws Exception {
        return api.mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void aBase64StartFrameIsUploadedAndTheVideoParametersFollowThePrompt() throws Exception {
        postJson("/mj/submit/video", """
                {"prompt": "the bird takes off", "base64": "%s", "motion": "HIGH", "state": "s1",
                 "notifyHook": "https://hook.example/v"}""".formatted(dataUrl(PNG)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(1))
                .andExpect(jsonPath("$.result").value("1732800000000001"));

        Submitted submitted = captureSubmit();
        Task task = submitted.task();
        assertThat(task.action()).isEqualTo(JobKind.VIDEO);
        assertThat(task.prompt()).isEqualTo("the bird takes off");
        assertThat(task.promptEn()).isEqualTo("the bird takes off --video 1 --motion high");
        assertThat(task.description()).isEqualTo("/imagine <image.png> the bird takes off --video 1 --motion high");
        assertThat(task.state()).isEqualTo("s1");
        assertThat(task.internal().notifyHook()).isEqualTo("https://hook.example/v");
        assertThat(task.internal().base64Array()).as("kept for a restart before it is sent").hasSize(1);
        JobRequest.Imagine imagine = (JobRequest.Imagine) submitted.request();
        assertThat(imagine.prompt()).isEqualTo("the bird takes off --video 1 --motion high");
        assertThat(imagine.images()).singleElement().satisfies(image -> {
            assertThat(image.bytes()).isEqualTo(PNG);
            assertThat(image.contentType()).isEqualTo("image/png");
        });
        assertThat(submitted.routing().mode()).isNull();
    }

    @Test
    void anImageUrlIsUsedAsGivenAndMotionDefaultsToLow() throws Exception {
        postJson("/mj/submit/video", """
                {"prompt": "waves", "imageUrl": "https://cdn.example/frame.png"}""")
                .andExpect(jsonPath("$.code").value(1));

        Submitted submitted = captureSubmit();
        assertThat(submitted.request()).isEqualTo(new JobRequest.Imagine(
                "https://cdn.example/frame.png waves --video 1 --motion low", List.of()));
        assertThat(submitted.task().internal().base64Array()).isEmpty();
    }

    @Test
    void thePromptMayBeLeftOutAndAModePrefixChoosesTheMode() throws Exception {
        postJson("/mj-relax/mj/submit/video", """
                {"imageUrl": "https://cdn.example/frame.png", "motion": "low", "accountFilter": {"modes": ["RELAX"]}}""")
                .andExpect(jsonPath("$.code").value(1));

        Submitted submitted = captureSubmit();
        assertThat(submitted.request()).isEqualTo(new JobRequest.Imagine(
                "https://cdn.example/frame.png --video 1 --motion low", List.of()));
        assertThat(submitted.routing().mode()).isEqualTo(SpeedMode.RELAX);
        assertThat(submitted.routing().filter().modes()).containsExactly(SpeedMode.RELAX);
    }

    static Stream<Arguments> invalidVideoRequests() {
        byte[] large = Arrays.copyOf(PNG, 200);
        return Stream.of(
                Arguments.of("{\"prompt\": \"cat\"}", "base64: is required"),
                Arguments.of("{\"prompt\": \"cat\", \"base64\": \"\", \"imageUrl\": \"\"}", "base64: is required"),
                Arguments.of("{\"base64\": \"" + base64(PNG) + "\", \"imageUrl\": \"https://cdn.example/a.png\"}",
                        "imageUrl: give the start frame either as base64 or as imageUrl, not both"),
                Arguments.of("{\"imageUrl\": \"https://cdn.example/a.png\", \"motion\": \"wild\"}",
                        "motion: must be one of low, high"),
                Arguments.of("{\"imageUrl\": \"https://cdn.example/a.png\", \"motion\": 2}", "motion: must be a string"),
                Arguments.of("{\"imageUrl\": \"ftp://cdn.example/a.png\"}", "imageUrl: must be an http or https URL"),
                Arguments.of("{\"base64\": \"@@@@\"}", "base64: is not valid base64"),
                Arguments.of("{\"base64\": \"" + base64("hello, world".getBytes()) + "\"}",
                        "base64: not a PNG, JPEG, WebP or GIF image"),
                Arguments.of("{\"base64\": \"" + base64(large) + "\"}", "base64: image is larger than 64 bytes"),
                Arguments.of("{\"base64\": 5}", "base64: must be a string"),
                Arguments.of("{\"imageUrl\": \"https://cdn.example/a.png\", \"prompt\": \"cat --motion high\"}",
                        "prompt: must not set --video or --motion"),
                Arguments.of("{\"imageUrl\": \"https://cdn.example/a.png\", \"prompt\": \"" + "a".repeat(101) + "\"}",
                        "prompt: is longer than 100"),
                Arguments.of("{\"imageUrl\": \"https://cdn.example/a.png\", \"botType\": \"X\"}",
                        "botType: must be one of"),
                Arguments.of("[]", "body: must be a JSON object"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("invalidVideoRequests")
    void invalidRequestsAreCode4NamingTheField(String body, String expected) throws Exception {
        for (String path : List.of("/mj/submit/video", "/mj-fast/mj/submit/video")) {
            postJson(path, body)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.code").value(4))
                    .andExpect(jsonPath("$.description").value(startsWith(expected)))
                    .andExpect(jsonPath("$.result").doesNotExist());
        }
        verify(api.tasks, never()).submit(any(), any(), any());
    }

    record Submitted(Task task, JobRequest request, Routing routing) {
    }

    private Submitted captureSubmit() {
        ArgumentCaptor<Task> task = ArgumentCaptor.forClass(Task.class);
        ArgumentCaptor<JobRequest> request = ArgumentCaptor.forClass(JobRequest.class);
        ArgumentCaptor<Routing> routing = ArgumentCaptor.forClass(Routing.class);
        verify(api.tasks).submit(task.capture(), request.capture(), routing.capture());
        return new Submitted(task.getValue(), request.getValue(), routing.getValue());
    }
}
