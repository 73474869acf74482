package dev.mjbridge.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The few calls a run makes to set up its load, against any midjourney-proxy-compatible base URL
 * (and, for the sandbox's control API, any sandbox base URL). Set-up only: nothing here is timed
 * as a figure except where a scenario says so.
 */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Api(String base) {
        this.base = base.replaceAll("/$", "");
    }

    String base() {
        return base;
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    JsonNode get(String path, String authorization) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).GET());
    }

    /** GET with the {@code mj-admin-secret} header (the admin API, {@code GET /mj/cluster}). */
    /** The accounts a cluster instance connects itself (the plain list shows the whole cluster's). */
    JsonNode ownAccounts() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + "/mj/account/list")).header("mj-cluster-local", "true").GET());
    }

    JsonNode adminGet(String path, String secret) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("mj-admin-secret", secret).GET());
    }

    JsonNode post(String path, Object body) throws IOException, InterruptedException {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    JsonNode delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IOException(request.build().uri() + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
    }

    /** Submits an imagine and returns the task id; fails unless the answer is submitted or queued. */
    String imagine(String prompt) throws IOException, InterruptedException {
        JsonNode answer = post("/mj/submit/imagine", "{\"prompt\":" + JSON.writeValueAsString(prompt) + "}");
        int code = answer.path("code").asInt();
        if ((code != 1 && code != 22) || answer.path("result").isNull()) {
            throw new IOException("imagine refused: " + answer);
        }
        return answer.path("result").asString();
    }

    /**
     * Submits an imagine, waiting while the target answers "queue full" (code 23): a small
     * deployment (one account, queue 10) takes a hundred set-up tasks only in waves.
     */
    String imagineWhenRoom(String prompt, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode answer = post("/mj/submit/imagine", "{\"prompt\":" + JSON.writeValueAsString(prompt) + "}");
            int code = answer.path("code").asInt();
            if ((code == 1 || code == 22) && !answer.path("result").isNull()) {
                return answer.path("result").asString();
            }
            if (code != 23 || System.nanoTime() > deadline) {
                throw new IOException("imagine refused: " + answer);
            }
            Thread.sleep(100);
        }
    }

    JsonNode fetch(String taskId) throws IOException, InterruptedException {
        return get("/mj/task/" + taskId + "/fetch");
    }

    List<JsonNode> list(List<String> ids) throws IOException, InterruptedException {
        JsonNode answer = post("/mj/task/list-by-condition", JSON.writeValueAsString(java.util.Map.of("ids", ids)));
        List<JsonNode> tasks = new ArrayList<>();
        answer.forEach(tasks::add);
        return tasks;
    }

    /** Polls list-by-condition until every task satisfies {@code done}, or fails at the deadline. */
    List<JsonNode> awaitAll(List<String> ids, Predicate<JsonNode> done, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<JsonNode> tasks = new ArrayList<>();
            for (int i = 0; i < ids.size(); i += 100) {
                tasks.addAll(list(ids.subList(i, Math.min(ids.size(), i + 100))));
            }
            if (tasks.size() == ids.size() && tasks.stream().allMatch(done)) {
                return tasks;
            }
            if (System.nanoTime() > deadline) {
                long ok = tasks.stream().filter(done).count();
                throw new IOException(ok + " of " + ids.size() + " tasks reached the state within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    static boolean isFinal(JsonNode task) {
        String s = task.path("status").asString();
        return s.equals("SUCCESS") || s.equals("FAILURE") || s.equals("CANCEL");
    }

    static boolean isSuccess(JsonNode task) {
        return task.path("status").asString().equals("SUCCESS");
    }
}
