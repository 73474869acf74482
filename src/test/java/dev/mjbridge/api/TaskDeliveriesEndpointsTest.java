package dev.mjbridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import com.sun.net.httpserver.HttpServer;

import dev.mjbridge.config.MjProperties;
import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.notify.NotifyHookPolicy;
import dev.mjbridge.notify.NotifyProperties;
import dev.mjbridge.notify.WebhookNotifier;
import dev.mjbridge.task.Task;
import dev.mjbridge.task.TaskInternal;
import dev.mjbridge.task.TaskService;
import dev.mjbridge.task.TaskStatus;
import dev.mjbridge.testing.Waits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GET /mj/task/{id}/deliveries and POST /mj/task/{id}/redeliver through the HTTP API, with a
 * real notifier posting to a real local receiver (which fails the first request).
 */
class TaskDeliveriesEndpointsTest {

    private static final String ADMIN = "adm1n-secret";
    private static final String SIGNING = "signing-secret-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final TaskService tasks = mock(TaskService.class);
    private final List<String> deliveryIds = new CopyOnWriteArrayList<>();
    private final HttpServer receiver;
    private final WebhookNotifier notifier;

    TaskDeliveriesEndpointsTest() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            deliveryIds.add(exchange.getRequestHeaders().getFirst("X-Mj-Delivery"));
            exchange.sendResponseHeaders(deliveryIds.size() == 1 ? 502 : 204, -1);
            exchange.close();
        });
        receiver.start();
        NotifyProperties properties = new NotifyProperties(3, Duration.ofSeconds(5), Duration.ofMillis(10),
                Duration.ofMillis(50), List.of(), false, null, null, null, SIGNING);
        notifier = new WebhookNotifier(properties, MjProperties.defaults(), mapper, new NotifyHookPolicy(properties));
    }

    @AfterEach
    void close() {
        notifier.close();
        receiver.stop(0);
    }

    private MockMvc mvc(AdminProperties admin) {
        return MockMvcBuilders.standaloneSetup(new TaskDeliveriesController(tasks, notifier))
                .setControllerAdvice(new ApiExceptionHandler(), new UnmappedRequestHandler())
                .addFilters(new ApiSecretFilter(ApiProperties.open()))
                .addInterceptors(new AdminSecretInterceptor(admin))
                .build();
    }

    private Task task(String id, String hook) {
        Task task = Task.create(id, JobKind.IMAGINE, 1_732_800_000_000L)
                .withPrompt("cat", "cat")
                .withStatus(TaskStatus.SUCCESS)
                .withProgress("100%")
                .withInternal(TaskInternal.EMPTY.withNotifyHook(hook));
        when(tasks.find(id)).thenReturn(Optional.of(task));
        return task;
    }

    private String hook() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook?token=query-secret";
    }

    private JsonNode answer(MvcResult result) throws Exception {
        String body = result.getResponse().getContentAsString();
        assertThat(body).doesNotContain(SIGNING).doesNotContain(ADMIN).doesNotContain("query-secret");
        return mapper.readTree(body);
    }

    @Test
    void theLogShowsTheAttemptsAndRedeliverAddsANewDelivery() throws Exception {
        MockMvc mvc = mvc(new AdminProperties(ADMIN));
        Task task = task("1732800000000042", hook());
        notifier.onTaskChanged(task);
        Waits.await("the retry delivered", WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> notifier.deliveries(task.id()).size() == 2);

        JsonNode log = answer(mvc.perform(get("/mj/task/1732800000000042/deliveries")
                        .header(AdminSecretInterceptor.HEADER, ADMIN))
                .andExpect(status().isOk()).andReturn());
        assertThat(log.get("code").asInt()).isEqualTo(1);
        JsonNode attempts = log.get("result");
        assertThat(attempts.size()).isEqualTo(2);
        assertThat(attempts.get(0).get("outcome").asString()).isEqualTo("RETRYING");
        assertThat(attempts.get(0).get("httpStatus").asInt()).isEqualTo(502);
        assertThat(attempts.get(0).get("error").asString()).isEqualTo("HTTP 502");
        assertThat(attempts.get(1).get("outcome").asString()).isEqualTo("SENT");
        assertThat(attempts.get(1).get("httpStatus").asInt()).isEqualTo(204);
        assertThat(attempts.get(1).get("status").asString()).isEqualTo("SUCCESS");
        assertThat(attempts.get(1).get("progress").asString()).isEqualTo("100%");
        assertThat(attempts.get(1).get("hook").asString()).endsWith("/hook");
        assertThat(attempts.get(1).get("at").asLong()).isPositive();
        assertThat(attempts.get(1).has("durationMs")).isTrue();
        String firstId = attempts.get(0).get("deliveryId").asString();
        assertThat(attempts.get(1).get("deliveryId").asString()).isEqualTo(firstId);
        assertThat(deliveryIds).containsExactly(firstId, firstId);

        JsonNode redelivered = answer(mvc.perform(post("/mj/task/1732800000000042/redeliver")
                        .header(AdminSecretInterceptor.HEADER, ADMIN))
                .andExpect(status().isOk()).andReturn());
        assertThat(redelivered.get("code").asInt()).isEqualTo(1);
        String newId = redelivered.get("result").asString();
        assertThat(newId).isNotEqualTo(firstId);
        Waits.await("the redelivery logged", WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> notifier.deliveries(task.id()).size() == 3);
        assertThat(deliveryIds).containsExactly(firstId, firstId, newId);

        JsonNode after = answer(mvc.perform(get("/mj/task/1732800000000042/deliveries")
                .header(AdminSecretInterceptor.HEADER, ADMIN)).andReturn());
        assertThat(after.get("result").get(2).get("deliveryId").asString()).isEqualTo(newId);
        assertThat(after.get("result").get(2).get("outcome").asString()).isEqualTo("SENT");
    }

    @Test
    void anUnknownTaskIsCode3AndATaskWithoutHookIsCode4() throws Exception {
        MockMvc mvc = mvc(new AdminProperties(ADMIN));
        when(tasks.find("404")).thenReturn(Optional.empty());
        task("7", null);

        mvc.perform(get("/mj/task/404/deliveries").header(AdminSecretInterceptor.HEADER, ADMIN))
                .andExpect(jsonPath("$.code").value(3));
        mvc.perform(post("/mj/task/404/redeliver").header(AdminSecretInterceptor.HEADER, ADMIN))
                .andExpect(jsonPath("$.code").value(3));
        mvc.perform(get("/mj/task/7/deliveries").header(AdminSecretInterceptor.HEADER, ADMIN))
                .andExpect(jsonPath("$.code").value(1))
                .andExpect(jsonPath("$.result").isEmpty());
        mvc.perform(post("/mj/task/7/redeliver").header(AdminSecretInterceptor.HEADER, ADMIN))
                .andExpect(jsonPath("$.code").value(4))
                .andExpect(jsonPath("$.description").value(
                        "notifyHook: task 7 has no notifyHook and mj.notify-hook is not set"));
    }

    @Test
    void theAdminSecretIsRequired() throws Exception {
        MockMvc mvc = mvc(new AdminProperties(ADMIN));
        task("8", hook());

        mvc.perform(get("/mj/task/8/deliveries")).andExpect(status().isUnauthorized());
        mvc.perform(post("/mj/task/8/redeliver").header(AdminSecretInterceptor.HEADER, "adm1n-secreT"))
                .andExpect(status().isUnauthorized());
        mvc(AdminProperties.off()).perform(get("/mj/task/8/deliveries").header(AdminSecretInterceptor.HEADER, ADMIN))
                .andExpect(status().isForbidden());
        assertThat(deliveryIds).as("nothing redelivered without the secret").isEmpty();
    }
}
