package dev.mjbridge.it;

import dev.mjbridge.testing.Waits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The proxy's REST API as a client sees it, over a real socket: submit, fetch, and wait
 * for a task to reach a state (polling with a limit, as real clients do).
 */
public final class MjApi {

    public static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    /** Picture links may redirect (a presigned bucket link): followed, as a browser does. */
    private static final HttpClient DOWNLOADS = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String base;
    private final String secret;

    public MjApi(int port) {
        this(port, null);
    }

    public MjApi(int port, String secret) {
        this.base = "http://127.0.0.1:" + port;
        this.secret = secret;
    }

    public MjApi withSecret(String value) {
        return new MjApi(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), value);
    }

    public static ObjectMapper json() {
        return JSON;
    }

    /** POSTs a JSON body; returns the status and parsed answer. */
    public Response post(String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request);
    }

    /** POSTs with the {@code mj-admin-secret} header (null = without it), for the account admin API. */
    public Response adminPost(String path, String body, String adminSecret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (adminSecret != null) {
            request.header("mj-admin-secret", adminSecret);
        }
        return send(request);
    }

    /** Any method with an optional JSON body and the {@code mj-admin-secret} header (null = without it). */
    public Response adminSend(String method, String path, String body, String adminSecret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (adminSecret != null) {
            request.header("mj-admin-secret", adminSecret);
        }
        return send(request);
    }

    /** GETs with the {@code mj-admin-secret} header (null = without it). */
    public Response adminGet(String path, String adminSecret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (adminSecret != null) {
            request.header("mj-admin-secret", adminSecret);
        }
        return send(request);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /**
     * The accounts this instance itself connects, as an instance of a cluster shows them to another
     * (header {@code mj-cluster-local}); without a cluster the same as {@code /mj/account/list}.
     */
    public Response localAccounts() {
        return send(HttpRequest.newBuilder(URI.create(base + "/mj/account/list")).header("mj-cluster-local", "true").GET());
    }

    /** The bytes at an absolute URL (a picture link a task hands out), as a client would fetch them. */
    public Download getBytes(String url) {
        try {
            HttpResponse<byte[]> response = DOWNLOADS.send(HttpRequest.newBuilder(URI.create(url)).timeout(WAIT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What {@link #getBytes} answered. */
    public record Download(int status, String contentType, byte[] body) {
    }

    private Response send(HttpRequest.Builder request) {
        if (secret != null) {
            request.header("mj-api-secret", secret);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(), body, response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A submit that must be accepted (code 1 or 22); returns the task id. */
    public String submit(String path, String body) {
        Response response = post(path, body);
        int code = response.body().path("code").asInt();
        if (code != 1 && code != 22) {
            throw new AssertionError("submit " + path + " answered " + response.raw());
        }
        return response.body().path("result").asString();
    }

    public JsonNode fetch(String taskId) {
        return get("/mj/task/" + taskId + "/fetch").body();
    }

    /** Polls the task until it matches, or fails the test naming the task, what it awaited and its last state. */
    public JsonNode awaitTask(String taskId, Predicate<JsonNode> condition, String what) {
        // Clients poll; 50 ms keeps the test quick without spinning.
        return Waits.await("task " + taskId + " " + what, WAIT).pollInterval(POLL)
                .until(() -> fetch(taskId), task -> task != null && condition.test(task));
    }

    /** Waits until the task is in one of the final statuses and returns it. */
    public JsonNode awaitFinal(String taskId) {
        return awaitTask(taskId, t -> Set.of("SUCCESS", "FAILURE", "CANCEL").contains(t.path("status").asString()),
                "final");
    }

    public JsonNode awaitStatus(String taskId, String... statuses) {
        return awaitTask(taskId, t -> Arrays.asList(statuses).contains(t.path("status").asString()),
                String.join("|", statuses));
    }

    /** The customId of the task's button with this label (or whose customId contains the text). */
    public static String button(JsonNode task, String labelOrIdPart) {
        for (JsonNode button : task.path("buttons")) {
            if (labelOrIdPart.equals(button.path("label").asString()) || button.path("customId").asString().contains(labelOrIdPart)) {
                return button.path("customId").asString();
            }
        }
        throw new AssertionError("no button " + labelOrIdPart + " on " + task);
    }

    public record Response(int status, JsonNode body, String raw) {
    }
}
