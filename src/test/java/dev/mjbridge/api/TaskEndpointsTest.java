package dev.mjbridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import dev.mjbridge.task.CancelResult;
import dev.mjbridge.task.Task;
import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.task.TaskStatus;

/** /mj/task/...: fetch, list-by-condition, image-seed, cancel, queue, list. */
class TaskEndpointsTest {

    private final ApiFixture api = new ApiFixture();
    private final Task grid = ApiFixture.finishedGrid();

    @Test
    void fetchAnswersTheTaskJson() throws Exception {
        when(api.tasks.find(ApiFixture.PARENT_ID)).thenReturn(Optional.of(grid));

        api.mvc.perform(get("/mj/task/{id}/fetch", ApiFixture.PARENT_ID))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(ApiFixture.PARENT_ID))
                .andExpect(jsonPath("$.action").value("IMAGINE"))
                .andExpect(jsonPath("$.status").value("SUCCESS"))
                .andExpect(jsonPath("$.progress").value("100%"))
                .andExpect(jsonPath("$.submitTime").value(1732800000000L))
                .andExpect(jsonPath("$.buttons[0].customId").value("MJ::JOB::upsample::1::" + ApiFixture.HASH))
                .andExpect(jsonPath("$.properties.discordInstanceId").value("main"))
                .andExpect(jsonPath("$.internal").doesNotExist());
    }

    @Test
    void fetchAndListAnswerTheBytesTheMapperWritesForTheTask() throws Exception {
        tools.jackson.databind.json.JsonMapper mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        when(api.tasks.find(ApiFixture.PARENT_ID)).thenReturn(Optional.of(grid));
        when(api.tasks.findJsonByIds(List.of("1", "2")))
                .thenReturn(List.of(ApiFixture.json(grid), ApiFixture.json(ApiFixture.finishedUpscale())));

        api.mvc.perform(get("/mj/task/{id}/fetch", ApiFixture.PARENT_ID))
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(content().bytes(mapper.writeValueAsBytes(grid)));
        api.mvc.perform(post("/mj/task/list-by-condition").contentType(MediaType.APPLICATION_JSON).content("[\"1\", \"2\"]"))
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(content().bytes(mapper.writeValueAsBytes(List.of(grid, ApiFixture.finishedUpscale()))));
        api.mvc.perform(post("/mj/task/list-by-condition").contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(content().string("[]"));
    }

    @Test
    void fetchOfAnUnknownTaskIsAnEmptyBody() throws Exception {
        when(api.tasks.find(anyString())).thenReturn(Optional.empty());

        api.mvc.perform(get("/mj/task/nope/fetch"))
                .andExpect(status().isOk())
                .andExpect(content().string(""));
    }

    @Test
    void listByConditionTakesAnObjectWithIds() throws Exception {
        when(api.tasks.findJsonByIds(List.of("1", "2", "3"))).thenReturn(List.of(ApiFixture.json(grid)));

        api.mvc.perform(post("/mj/task/list-by-condition").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ids\": [\"1\", 2, \" 3 \", \"\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isArray())
                .andExpect(jsonPath("$[0].id").value(ApiFixture.PARENT_ID));
    }

    @Test
    void listByConditionTakesABareArray() throws Exception {
        when(api.tasks.findJsonByIds(List.of("1", "2")))
                .thenReturn(List.of(ApiFixture.json(grid), ApiFixture.json(grid)));

        api.mvc.perform(post("/mj/task/list-by-condition").contentType(MediaType.APPLICATION_JSON)
                        .content("[\"1\", \"2\"]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void listByConditionWithoutIdsIsAnEmptyArray() throws Exception {
        api.mvc.perform(post("/mj/task/list-by-condition").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
    }

    @Test
    void listByConditionWithBadIdsIs400NamingIds() throws Exception {
        api.mvc.perform(post("/mj/task/list-by-condition").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ids\": \"1,2\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value(4))
                .andExpect(jsonPath("$.description").value(startsWith("ids: ")));
        api.mvc.perform(post("/mj/task/list-by-condition").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ids\": [{}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.description").value(startsWith("ids[0]: ")));
        api.mvc.perform(post("/mj/task/list-by-condition").contentType(MediaType.APPLICATION_JSON).content("{"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.description").value(startsWith("body: ")));
    }

    @Test
    void imageSeedAnswersTheSeedAsync() throws Exception {
        when(api.tasks.imageSeed("7")).thenReturn(CompletableFuture.completedFuture(Optional.of("1259687673")));

        MvcResult started = api.mvc.perform(get("/mj/task/7/image-seed"))
                .andExpect(request().asyncStarted())
                .andReturn();
        api.mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(1))
                .andExpect(jsonPath("$.result").value("1259687673"));
    }

    @Test
    void imageSeedWaitsWithoutHoldingTheRequestThread() throws Exception {
        CompletableFuture<Optional<String>> seed = new CompletableFuture<>();
        when(api.tasks.imageSeed("7")).thenReturn(seed);

        MvcResult started = api.mvc.perform(get("/mj/task/7/image-seed"))
                .andExpect(request().asyncStarted())
                .andReturn();
        assertThat(started.getResponse().getContentAsString()).isEmpty();

        seed.complete(Optional.of("42"));
        api.mvc.perform(asyncDispatch(started)).andExpect(jsonPath("$.result").value("42"));
    }

    @Test
    void imageSeedOfAnUnknownTaskIsCode3() throws Exception {
        when(api.tasks.imageSeed("7")).thenReturn(CompletableFuture.completedFuture(Optional.empty()));

        MvcResult started = api.mvc.perform(get("/mj/task/7/image-seed")).andReturn();
        api.mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(3));
    }

    @Test
    void imageSeedThatCannotBeHadIsCode9WithTheReason() throws Exception {
        when(api.tasks.imageSeed("7")).thenReturn(
                CompletableFuture.failedFuture(new IllegalStateException("the task has no job hash yet")));

        MvcResult started = api.mvc.perform(get("/mj/task/7/image-seed")).andReturn();
        api.mvc.perform(asyncDispatch(started))
                .andExpect(jsonPath("$.code").value(9))
                .andExpect(jsonPath("$.description").value(
                        org.hamcrest.Matchers.containsString("the task has no job hash yet")));
    }

    @Test
    void cancelAWaitingTask() throws Exception {
        when(api.tasks.cancel("5")).thenReturn(new CancelResult.Cancelled(grid.withStatus(TaskStatus.CANCEL)));

        api.mvc.perform(post("/mj/task/5/cancel"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(1))
                .andExpect(jsonPath("$.result").value(ApiFixture.PARENT_ID));
    }

    @Test
    void cancelARunningTaskWithCancelJobIsCode1SayingItIsBeingStopped() throws Exception {
        when(api.tasks.cancel("5")).thenReturn(new CancelResult.Stopping(grid.withStatus(TaskStatus.IN_PROGRESS)));

        api.mvc.perform(post("/mj/task/5/cancel"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(1))
                .andExpect(jsonPath("$.description").value(org.hamcrest.Matchers.startsWith("Stopping: Cancel Job")))
                .andExpect(jsonPath("$.result").value(ApiFixture.PARENT_ID));
    }

    @Test
    void cancelAnUnknownTaskIsCode3() throws Exception {
        when(api.tasks.cancel("5")).thenReturn(new CancelResult.NotFound());

        api.mvc.perform(post("/mj/task/5/cancel"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(3));
    }

    @Test
    void cancelAFinishedOrRunningTaskIsCode4() throws Exception {
        when(api.tasks.cancel("5")).thenReturn(new CancelResult.AlreadyFinished(grid));
        api.mvc.perform(post("/mj/task/5/cancel"))
                .andExpect(jsonPath("$.code").value(4))
                .andExpect(jsonPath("$.description").value(org.hamcrest.Matchers.containsString("SUCCESS")));

        when(api.tasks.cancel("6")).thenReturn(new CancelResult.AlreadyRunning(grid));
        api.mvc.perform(post("/mj/task/6/cancel"))
                .andExpect(jsonPath("$.code").value(4))
                .andExpect(jsonPath("$.description").value(org.hamcrest.Matchers.containsString("running")));
    }

    @Test
    void queueListsTheTasksInFlight() throws Exception {
        Task queued = Task.create("9", JobKind.IMAGINE, 1L);
        when(api.tasks.inFlight()).thenReturn(List.of(queued));

        api.mvc.perform(get("/mj/task/queue"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("9"))
                .andExpect(jsonPath("$[0].status").value("NOT_START"));
    }

    @Test
    void listPagesRecentTasks() throws Exception {
        when(api.tasks.recent(0, TaskController.DEFAULT_PAGE)).thenReturn(List.of(grid));
        when(api.tasks.recent(20, 10)).thenReturn(List.of());
        when(api.tasks.recent(0, TaskController.MAX_PAGE)).thenReturn(List.of());

        api.mvc.perform(get("/mj/task/list")).andExpect(jsonPath("$[0].id").value(ApiFixture.PARENT_ID));
        api.mvc.perform(get("/mj/task/list").param("offset", "20").param("limit", "10"))
                .andExpect(content().json("[]"));
        api.mvc.perform(get("/mj/task/list").param("limit", "1000000"))
                .andExpect(status().isOk());
        verify(api.tasks).recent(0, TaskController.MAX_PAGE);
    }

    @Test
    void listRejectsBadPagingWith400() throws Exception {
        api.mvc.perform(get("/mj/task/list").param("offset", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.description").value(startsWith("offset: ")));
        api.mvc.perform(get("/mj/task/list").param("limit", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.description").value(startsWith("limit: ")));
        api.mvc.perform(get("/mj/task/list").param("limit", "lots"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.description").value(startsWith("limit: ")));
        verify(api.tasks, never()).recent(org.mockito.ArgumentMatchers.anyInt(), org.mockito.ArgumentMatchers.anyInt());
    }
}
