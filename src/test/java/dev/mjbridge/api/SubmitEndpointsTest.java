package dev.mjbridge.api;

import static dev.mjbridge.api.ApiFixture.PNG;
import static dev.mjbridge.api.ApiFixture.base64;
import static dev.mjbridge.api.ApiFixture.dataUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.midjourney.BlendDimensions;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.JobRequest;
import dev.mjbridge.task.Routing;
import dev.mjbridge.task.Task;
import dev.mjbridge.midjourney.JobKind;

/** Happy paths of the new-job submits: the envelope, and what reaches the core. */
class SubmitEndpointsTest {

    private final ApiFixture api = new ApiFixture();

    private ResultActions postJson(String path, String json) throws Exception {
        return api.mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void imagineAnswersCode1WithTheTaskIdAndAccount() throws Exception {
        postJson("/mj/submit/imagine", """
                {"prompt": "cat --ar 3:2", "state": "client-ref", "notifyHook": "https://hook.example/mj"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(1))
                .andExpect(jsonPath("$.description").value("Submit Success"))
                .andExpect(jsonPath("$.result").value("1732800000000001"))
                .andExpect(jsonPath("$.properties.discordInstanceId").value("main"));

        Submitted submitted = captureSubmit();
        assertThat(submitted.task().action()).isEqualTo(JobKind.IMAGINE);
        assertThat(submitted.task().prompt()).isEqualTo("cat --ar 3:2");
        assertThat(submitted.task().promptEn()).isEqualTo("cat --ar 3:2");
        assertThat(submitted.task().description()).isEqualTo("/imagine cat --ar 3:2");
        assertThat(submitted.task().state()).isEqualTo("client-ref");
        assertThat(submitted.task().botType()).isEqualTo("MID_JOURNEY");
        assertThat(submitted.task().internal().notifyHook()).isEqualTo("https://hook.example/mj");
        assertThat(submitted.request()).isEqualTo(new JobRequest.Imagine("cat --ar 3:2", List.of()));
        assertThat(submitted.routing().pinnedAccountId()).isNull();
        assertThat(submitted.routing().mode()).isNull();
        assertThat(submitted.routing().botType()).isEqualTo(BotType.MID_JOURNEY);
    }

    @Test
    void imagineDecodesImagesAndPassesBotTypeAndAccountFilter() throws Exception {
        postJson("/mj/submit/imagine", """
                {"prompt": "cat", "botType": "NIJI_JOURNEY", "base64Array": ["%s", "%s"],
                 "accountFilter": {"instanceId": "main", "channelId": 1100000000000000002,
                                   "modes": ["relax", "FAST"], "remix": false}}"""
                .formatted(dataUrl(PNG), base64(ApiFixture.JPEG)))
                .andExpect(jsonPath("$.code").value(1));

        Submitted submitted = captureSubmit();
        JobRequest.Imagine imagine = (JobRequest.Imagine) submitted.request();
        assertThat(imagine.images()).extracting(JobRequest.ImageData::contentType)
                .containsExactly("image/png", "image/jpeg");
        assertThat(imagine.images().get(0).bytes()).isEqualTo(PNG);
        assertThat(imagine.images()).extracting(JobRequest.ImageData::filename)
                .containsExactly("image-1.png", "image-2.jpg");
        assertThat(submitted.task().internal().base64Array()).hasSize(2);
        assertThat(submitted.task().botType()).isEqualTo("NIJI_JOURNEY");
        assertThat(submitted.routing().botType()).isEqualTo(BotType.NIJI_JOURNEY);
        assertThat(submitted.routing().filter().instanceId()).isEqualTo("main");
        assertThat(submitted.routing().filter().channelId()).isEqualTo("1100000000000000002");
        assertThat(submitted.routing().filter().modes()).containsExactlyInAnyOrder(SpeedMode.RELAX, SpeedMode.FAST);
        assertThat(submitted.routing().filter().remix()).isFalse();
    }

    @Test
    void theOlderSingleBase64FieldLeadsTheImages() throws Exception {
        postJson("/mj/submit/imagine", """
                {"prompt": "  cat  ", "base64": "%s", "base64Array": ["%s"]}"""
                .formatted(base64(ApiFixture.GIF), base64(PNG)))
                .andExpect(jsonPath("$.code").value(1));

        Submitted submitted = captureSubmit();
        JobRequest.Imagine imagine = (JobRequest.Imagine) submitted.request();
        assertThat(imagine.prompt()).isEqualTo("cat");
        assertThat(imagine.images()).extracting(JobRequest.ImageData::contentType)
                .containsExactly("image/gif", "image/png");
        assertThat(submitted.task().internal().base64Array()).hasSize(2);
    }

    @Test
    void emptyOptionalFieldsMeanDefaults() throws Exception {
        postJson("/mj/submit/imagine", """
                {"prompt": "Cat", "botType": "", "notifyHook": "", "state": "", "base64Array": []}""")
                .andExpect(jsonPath("$.code").value(1));

        Submitted submitted = captureSubmit();
        assertThat(submitted.task().botType()).isEqualTo("MID_JOURNEY");
        assertThat(submitted.task().internal().notifyHook()).isNull();
    }

    @Test
    void aNotifyHookThePolicyRefusesIsCode4NamingIt() throws Exception {
        when(api.hooks.refusalReason("http://169.254.169.254/latest"))
                .thenReturn(java.util.Optional.of("notifyHook names a cloud metadata service"));

        postJson("/mj/submit/imagine", """
                {"prompt": "cat", "notifyHook": "http://169.254.169.254/latest"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(4))
                .andExpect(jsonPath("$.description").value("notifyHook: names a cloud metadata service"));
        verify(api.tasks, org.mockito.Mockito.never()).submit(any(), any(), any());
    }

    @Test
    void imagineIsQueuedWithCode22() throws Exception {
        when(api.tasks.submit(any(), any(), any())).thenAnswer(call ->
                new dev.mjbridge.task.SubmitResult.Queued(call.getArgument(0), "second", 2));

        postJson("/mj/submit/imagine", "{\"prompt\": \"cat\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(22))
                .andExpect(jsonPath("$.result").value("1732800000000001"))
                .andExpect(jsonPath("$.properties.numberOfQueues").value(2))
                .andExpect(jsonPath("$.properties.discordInstanceId").value("second"));
    }

    @Test
    void aTaskWaitingForPacingSaysUntilWhenWithCode22() throws Exception {
        java.time.Instant at = java.time.Instant.parse("2026-11-30T00:00:00Z");
        when(api.tasks.submit(any(), any(), any())).thenAnswer(call ->
                new dev.mjbridge.task.SubmitResult.Queued(call.getArgument(0), "limited", 0, at));

        postJson("/mj/submit/imagine", "{\"prompt\": \"cat\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(22))
                .andExpect(jsonPath("$.description")
                        .value("In queue: account limited's pacing lets it send at 2026-11-30T00:00:00Z"))
                .andExpect(jsonPath("$.properties.startsAt").value(at.toEpochMilli()))
                .andExpect(jsonPath("$.properties.discordInstanceId").value("limited"));
    }

    @Test
    void noCapacityIsCode23NeverCode3() throws Exception {
        when(api.tasks.submit(any(), any(), any()))
                .thenReturn(new dev.mjbridge.task.SubmitResult.NoCapacity("all accounts busy"));

        postJson("/mj/submit/imagine", "{\"prompt\": \"cat\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(23))
                .andExpect(jsonPath("$.result").doesNotExist())
                .andExpect(jsonPath("$.properties").isMap());
    }

    @Test
    void blendSendsImagesAndDimensions() throws Exception {
        postJson("/mj/submit/blend", """
                {"botType": "MID_JOURNEY", "base64Array": ["%s", "%s", "%s"], "dimensions": "PORTRAIT"}"""
                .formatted(dataUrl(PNG), base64(ApiFixture.WEBP), base64(ApiFixture.GIF)))
                .andExpect(jsonPath("$.code").value(1));

        Submitted submitted = captureSubmit();
        JobRequest.Blend blend = (JobRequest.Blend) submitted.request();
        assertThat(blend.dimensions()).isEqualTo(BlendDimensions.PORTRAIT);
        assertThat(blend.images()).extracting(JobRequest.ImageData::contentType)
                .containsExactly("image/png", "image/webp", "image/gif");
        assertThat(submitted.task().action()).isEqualTo(JobKind.BLEND);
        assertThat(submitted.task().description()).startsWith("/blend 3 images");
    }

    @Test
    void blendDefaultsToSquare() throws Exception {
        postJson("/mj/submit/blend", """
                {"base64Array": ["%s", "%s"], "dimensions": ""}""".formatted(base64(PNG), base64(PNG)))
                .andExpect(jsonPath("$.code").value(1));

        assertThat(((JobRequest.Blend) captureSubmit().request()).dimensions()).isEqualTo(BlendDimensions.SQUARE);
    }

    @Test
    void describeAnImage() throws Exception {
        postJson("/mj/submit/describe", """
                {"botType": "MID_JOURNEY", "base64": "%s", "notifyHook": "", "state": "s1"}""".formatted(dataUrl(PNG)))
                .andExpect(jsonPath("$.code").value(1));

        Submitted submitted = captureSubmit();
        assertThat(submitted.task().action()).isEqualTo(JobKind.DESCRIBE);
        assertThat(submitted.task().state()).isEqualTo("s1");
        assertThat(((JobRequest.Describe) submitted.request()).image().contentType()).isEqualTo("image/png");
    }

    @Test
    void describeALink() throws Exception {
        postJson("/mj/submit/describe", """
                {"link": "https://example.com/cat.png", "base64": ""}""")
                .andExpect(jsonPath("$.code").value(1));

        Submitted submitted = captureSubmit();
        assertThat(submitted.request()).isEqualTo(new JobRequest.DescribeLink("https://example.com/cat.png"));
        assertThat(submitted.task().description()).isEqualTo("/describe https://example.com/cat.png");
    }

    @Test
    void shortenAPrompt() throws Exception {
        postJson("/mj/submit/shorten", """
                {"botType": "MID_JOURNEY", "prompt": "Cat", "notifyHook": "", "state": ""}""")
                .andExpect(jsonPath("$.code").value(1));

        Submitted submitted = captureSubmit();
        assertThat(submitted.task().action()).isEqualTo(JobKind.SHORTEN);
        assertThat(submitted.task().description()).isEqualTo("/shorten Cat");
        assertThat(submitted.request()).isEqualTo(new JobRequest.Shorten("Cat"));
    }

    @Test
    void uploadDiscordImagesAnswersTheUrls() throws Exception {
        when(api.tasks.uploadImages(any())).thenReturn(CompletableFuture.completedFuture(
                List.of("https://cdn.discordapp.com/a.png", "https://cdn.discordapp.com/b.png")));

        MvcResult started = postJson("/mj/submit/upload-discord-images", """
                {"base64Array": ["%s", "%s"]}""".formatted(dataUrl(PNG), base64(PNG)))
                .andExpect(request().asyncStarted())
                .andReturn();
        api.mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(1))
                .andExpect(jsonPath("$.result[0]").value("https://cdn.discordapp.com/a.png"))
                .andExpect(jsonPath("$.result[1]").value("https://cdn.discordapp.com/b.png"));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<JobRequest.ImageData>> images = ArgumentCaptor.forClass(List.class);
        verify(api.tasks).uploadImages(images.capture());
        assertThat(images.getValue()).hasSize(2);
    }

    @Test
    void aFailedUploadIsCode9WithoutDetails() throws Exception {
        when(api.tasks.uploadImages(any()))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("upload url https://secret")));

        MvcResult started = postJson("/mj/submit/upload-discord-images", """
                {"base64Array": ["%s"]}""".formatted(base64(PNG)))
                .andExpect(request().asyncStarted())
                .andReturn();
        api.mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(9))
                .andExpect(jsonPath("$.description").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("secret"))));
    }

    @Test
    void anyContentTypeIsReadAsJson() throws Exception {
        api.mvc.perform(post("/mj/submit/imagine").contentType(MediaType.TEXT_PLAIN)
                        .content("{\"prompt\": \"gato \u732B\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .andExpect(jsonPath("$.code").value(1));

        assertThat(captureSubmit().task().prompt()).isEqualTo("gato \u732B");
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
