package dev.mjbridge.api;

import static dev.mjbridge.api.ApiFixture.HASH;
import static dev.mjbridge.api.ApiFixture.MESSAGE_ID;
import static dev.mjbridge.api.ApiFixture.PARENT_ID;
import static dev.mjbridge.api.ApiFixture.PNG;
import static dev.mjbridge.api.ApiFixture.base64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import dev.mjbridge.midjourney.JobRequest;
import dev.mjbridge.task.ModalResult;
import dev.mjbridge.task.Routing;
import dev.mjbridge.task.Task;
import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.task.TaskStatus;

/** /mj/submit/action, change, simple-change and modal. */
class ActionEndpointsTest {

    private final ApiFixture api = new ApiFixture();

    private ResultActions postJson(String path, String json) throws Exception {
        return api.mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private void parentIs(Task parent) {
        when(api.tasks.find(PARENT_ID)).thenReturn(Optional.of(parent));
    }

    @Test
    void actionPressesTheButtonOnTheParentsAccount() throws Exception {
        parentIs(ApiFixture.finishedGrid());

        postJson("/mj/submit/action", """
                {"chooseSameChannel": false, "customId": "MJ::JOB::upsample::2::%s",
                 "taskId": "%s", "notifyHook": "", "state": "st"}""".formatted(HASH, PARENT_ID))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(1))
                .andExpect(jsonPath("$.result").value("1732800000000001"))
                .andExpect(jsonPath("$.properties.discordInstanceId").value("main"));

        ArgumentCaptor<Task> task = ArgumentCaptor.forClass(Task.class);
        ArgumentCaptor<JobRequest.Button> request = ArgumentCaptor.forClass(JobRequest.Button.class);
        ArgumentCaptor<Routing> routing = ArgumentCaptor.forClass(Routing.class);
        verify(api.tasks).submitAction(task.capture(), request.capture(), routing.capture());
        assertThat(task.getValue().action()).isEqualTo(JobKind.UPSCALE);
        assertThat(task.getValue().description()).isEqualTo("/up " + PARENT_ID + " U2");
        assertThat(task.getValue().customId()).isEqualTo("MJ::JOB::upsample::2::" + HASH);
        assertThat(task.getValue().state()).isEqualTo("st");
        assertThat(task.getValue().properties().parentId()).isEqualTo(PARENT_ID);
        assertThat(request.getValue())
                .isEqualTo(new JobRequest.Button(MESSAGE_ID, 0, "MJ::JOB::upsample::2::" + HASH, null));
        assertThat(routing.getValue().pinnedAccountId()).isEqualTo("main");
    }

    @Test
    void theNotifyHookOfAnActionPassesThePolicyToo() throws Exception {
        parentIs(ApiFixture.finishedGrid());
        when(api.hooks.refusalReason("http://10.0.0.1/hook"))
                .thenReturn(Optional.of("notifyHook host 10.0.0.1 is on a private network"));

        postJson("/mj/submit/action", """
                {"customId": "MJ::JOB::upsample::2::%s", "taskId": "%s", "notifyHook": "http://10.0.0.1/hook"}"""
                .formatted(HASH, PARENT_ID))
                .andExpect(jsonPath("$.code").value(4))
                .andExpect(jsonPath("$.description").value(startsWith("notifyHook: host 10.0.0.1")));
        verify(api.tasks, never()).submitAction(any(), any(), any());
    }

    @Test
    void numericTaskIdsAreAccepted() throws Exception {
        parentIs(ApiFixture.finishedGrid());

        postJson("/mj/submit/action", """
                {"customId": "MJ::JOB::variation::1::%s", "taskId": %s}""".formatted(HASH, PARENT_ID))
                .andExpect(jsonPath("$.code").value(1));
    }

    @Test
    void unknownParentIsCode3() throws Exception {
        when(api.tasks.find(anyString())).thenReturn(Optional.empty());

        postJson("/mj/submit/action", """
                {"customId": "MJ::JOB::upsample::2::%s", "taskId": "404"}""".formatted(HASH))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(3));
        verify(api.tasks, never()).submit(any(), any(), any());
        verify(api.tasks, never()).submitAction(any(), any(), any());
    }

    @Test
    void aButtonTheParentDoesNotHaveIsCode4NamingCustomId() throws Exception {
        parentIs(ApiFixture.finishedGrid());

        postJson("/mj/submit/action", """
                {"customId": "MJ::JOB::upsample::2::other-hash", "taskId": "%s"}""".formatted(PARENT_ID))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(4))
                .andExpect(jsonPath("$.description").value(startsWith("customId: ")));
    }

    @Test
    void anUnfinishedParentIsCode4() throws Exception {
        parentIs(ApiFixture.finishedGrid().withStatus(TaskStatus.IN_PROGRESS));

        postJson("/mj/submit/action", """
                {"customId": "MJ::JOB::upsample::2::%s", "taskId": "%s"}""".formatted(HASH, PARENT_ID))
                .andExpect(jsonPath("$.code").value(4))
                .andExpect(jsonPath("$.description").value(startsWith("customId: ")));
    }

    @Test
    void customZoomWaitsForTheModalWithCode21() throws Exception {
        parentIs(ApiFixture.finishedUpscale());
        when(api.tasks.awaitModal(any(), any(), any())).thenAnswer(call ->
                ((Task) call.getArgument(0)).withStatus(TaskStatus.MODAL));

        postJson("/mj/submit/action", """
                {"customId": "MJ::CustomZoom::%s", "taskId": "%s"}""".formatted(HASH, PARENT_ID))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(21))
                .andExpect(jsonPath("$.result").value("1732800000000001"))
                .andExpect(jsonPath("$.properties.finalPrompt").value("cat --ar 3:2 --v 7"))
                .andExpect(jsonPath("$.properties.remix").value(true));

        ArgumentCaptor<JobRequest.Button> pending = ArgumentCaptor.forClass(JobRequest.Button.class);
        verify(api.tasks).awaitModal(any(), pending.capture(), any());
        assertThat(pending.getValue().customId()).isEqualTo("MJ::CustomZoom::" + HASH);
        verify(api.tasks, never()).submit(any(), any(), any());
        verify(api.tasks, never()).submitAction(any(), any(), any());
    }

    @Test
    void varyRegionWaitsForTheModalWithCode21() throws Exception {
        parentIs(ApiFixture.finishedUpscale());
        when(api.tasks.awaitModal(any(), any(), any())).thenAnswer(call -> call.getArgument(0));

        postJson("/mj/submit/action", """
                {"customId": "MJ::Inpaint::1::%s::SOLO", "taskId": "%s"}""".formatted(HASH, PARENT_ID))
                .andExpect(jsonPath("$.code").value(21));

        ArgumentCaptor<Task> task = ArgumentCaptor.forClass(Task.class);
        verify(api.tasks).awaitModal(task.capture(), any(), any());
        assertThat(task.getValue().action()).isEqualTo(JobKind.VARIATION);
    }

    @Test
    void modalCompletesTheTask() throws Exception {
        Task modalTask = ApiFixture.finishedUpscale().withStatus(TaskStatus.SUBMITTED);
        when(api.tasks.submitModal(eq("1732800000000009"), eq("cat --zoom 1.5"), eq(base64(PNG))))
                .thenReturn(new ModalResult.Submitted(modalTask));

        postJson("/mj/submit/modal", """
                {"maskBase64": "%s", "prompt": "cat --zoom 1.5", "taskId": "1732800000000009"}"""
                .formatted(base64(PNG)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(1))
                .andExpect(jsonPath("$.result").value(PARENT_ID))
                .andExpect(jsonPath("$.properties.discordInstanceId").value("main"));
    }

    @Test
    void modalWithAnEmptyPromptLeavesThePromptToTheCore() throws Exception {
        when(api.tasks.submitModal(any(), any(), any()))
                .thenReturn(new ModalResult.Submitted(ApiFixture.finishedGrid()));

        postJson("/mj/submit/modal", """
                {"maskBase64": "", "prompt": "", "taskId": "1732800000000009"}""")
                .andExpect(jsonPath("$.code").value(1));
        verify(api.tasks).submitModal("1732800000000009", null, null);
    }

    @Test
    void modalOfAnUnknownTaskIsCode3() throws Exception {
        when(api.tasks.submitModal(any(), any(), any())).thenReturn(new ModalResult.NotFound());

        postJson("/mj/submit/modal", "{\"taskId\": \"1\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(3));
    }

    @Test
    void modalRefusedByTheCoreIsCode4WithItsField() throws Exception {
        when(api.tasks.submitModal(any(), any(), any()))
                .thenReturn(new ModalResult.Invalid("taskId", "the task is not waiting for a modal"));

        postJson("/mj/submit/modal", "{\"taskId\": \"1\", \"prompt\": \"x\"}")
                .andExpect(jsonPath("$.code").value(4))
                .andExpect(jsonPath("$.description").value("taskId: the task is not waiting for a modal"));
    }

    @Test
    void modalMaskMustBeAPng() throws Exception {
        postJson("/mj/submit/modal", """
                {"taskId": "1", "maskBase64": "%s"}""".formatted(base64(ApiFixture.JPEG)))
                .andExpect(jsonPath("$.code").value(4))
                .andExpect(jsonPath("$.description").value(startsWith("maskBase64: ")));
    }

    @Test
    void changeUpscaleFindsTheU3Button() throws Exception {
        parentIs(ApiFixture.finishedGrid());

        postJson("/mj/submit/change", """
                {"taskId": "%s", "action": "UPSCALE", "index": 3}""".formatted(PARENT_ID))
                .andExpect(jsonPath("$.code").value(1));

        assertThat(pressedCustomId()).isEqualTo("MJ::JOB::upsample::3::" + HASH);
    }

    @Test
    void changeRerollNeedsNoIndex() throws Exception {
        parentIs(ApiFixture.finishedGrid());

        postJson("/mj/submit/change", """
                {"taskId": "%s", "action": "reroll"}""".formatted(PARENT_ID))
                .andExpect(jsonPath("$.code").value(1));

        assertThat(pressedCustomId()).isEqualTo("MJ::JOB::reroll::0::" + HASH + "::SOLO");
    }

    @Test
    void changeOnATaskWithoutThatButtonIsCode4NamingAction() throws Exception {
        parentIs(ApiFixture.finishedUpscale());

        postJson("/mj/submit/change", """
                {"taskId": "%s", "action": "VARIATION", "index": 2}""".formatted(PARENT_ID))
                .andExpect(jsonPath("$.code").value(4))
                .andExpect(jsonPath("$.description").value(startsWith("action: ")));
    }

    @Test
    void changeOfAnUnknownTaskIsCode3() throws Exception {
        when(api.tasks.find(anyString())).thenReturn(Optional.empty());

        postJson("/mj/submit/change", "{\"taskId\": \"9\", \"action\": \"UPSCALE\", \"index\": 1}")
                .andExpect(jsonPath("$.code").value(3));
    }

    @Test
    void simpleChangeReadsTaskIdAndButton() throws Exception {
        parentIs(ApiFixture.finishedGrid());

        postJson("/mj/submit/simple-change", """
                {"content": "%s V4"}""".formatted(PARENT_ID))
                .andExpect(jsonPath("$.code").value(1));

        assertThat(pressedCustomId()).isEqualTo("MJ::JOB::variation::4::" + HASH);
    }

    @Test
    void simpleChangeReroll() throws Exception {
        parentIs(ApiFixture.finishedGrid());

        postJson("/mj/submit/simple-change", """
                {"content": " %s r "}""".formatted(PARENT_ID))
                .andExpect(jsonPath("$.code").value(1));

        assertThat(pressedCustomId()).isEqualTo("MJ::JOB::reroll::0::" + HASH + "::SOLO");
    }

    private String pressedCustomId() {
        ArgumentCaptor<JobRequest.Button> request = ArgumentCaptor.forClass(JobRequest.Button.class);
        verify(api.tasks).submitAction(any(), request.capture(), any());
        return request.getValue().customId();
    }
}
