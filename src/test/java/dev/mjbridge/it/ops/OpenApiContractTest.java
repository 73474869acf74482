package dev.mjbridge.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import dev.mjbridge.it.MjApi;
import dev.mjbridge.it.SandboxedAccounts;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document at {@code /v3/api-docs} against the live service: every endpoint is called
 * through a socket, in its success and its error cases, and each answer (status, content type, body)
 * must be one the document describes, checked by Atlassian's swagger-request-validator. Requests a
 * client may send by the document are checked too; the deliberately wrong ones only for their answer.
 * Same properties as {@link ApiSecretFlowTest}, so both share one application context; the secrets are
 * on, so the security schemes are exercised as well. Creating, changing and deleting accounts can only
 * be refused here (sandbox mode has no accounts.yml), so those are checked in their error case.
 */
@TestPropertySource(properties = "mj.api-secret=" + OpenApiContractTest.SECRET)
class OpenApiContractTest extends SandboxFlowTest {

    static final String SECRET = "it-secret";
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
    private static final String UNKNOWN = "1700000000000000999";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> problems = new ArrayList<>();
    private OpenApiInteractionValidator validator;
    private MjApi client;

    @BeforeEach
    void loadTheDocument() {
        client = api.withSecret(SECRET);
        Exchange document = send("GET", "/v3/api-docs", null, Map.of());
        assertThat(document.status()).as("the document is served without a secret").isEqualTo(200);
        assertThat(MjApi.json().readTree(document.text()).path("openapi").asString()).startsWith("3.1");
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(document.text()).build();
    }

    @Test
    void submitsAnswerAsDocumented() {
        String grid = accepted(valid("POST", "/mj/submit/imagine", "{\"prompt\": \"a documented lighthouse\"}", 200));
        answer("POST", "/mj/submit/imagine", "{}", 200, 4);
        answer("POST", "/mj/submit/imagine", "{\"prompt\": \"cat\", \"base64Array\": [\"aGVsbG8=\"]}", 200, 4);
        accepted(valid("POST", "/mj-relax/mj/submit/imagine", "{\"prompt\": \"a relaxed lighthouse\"}", 200));
        accepted(valid("POST", "/mj/submit/blend", "{\"base64Array\": [\"" + PNG + "\", \"" + PNG
                + "\"], \"dimensions\": \"LANDSCAPE\"}", 200));
        answer("POST", "/mj/submit/blend", "{\"base64Array\": [\"" + PNG + "\"]}", 200, 4);
        accepted(valid("POST", "/mj/submit/describe", "{\"base64\": \"" + PNG + "\"}", 200));
        answer("POST", "/mj/submit/describe", "{}", 200, 4);
        accepted(valid("POST", "/mj/submit/shorten", "{\"prompt\": \"a very long lighthouse prompt\"}", 200));
        answer("POST", "/mj/submit/shorten", "{\"prompt\": 5}", 200, 4);
        accepted(valid("POST", "/mj-fast/mj/submit/video", "{\"prompt\": \"the beam sweeps\", \"imageUrl\": "
                + "\"https://cdn.example/frame.png\", \"motion\": \"high\"}", 200));
        answer("POST", "/mj/submit/video", "{\"prompt\": \"no frame\"}", 200, 4);
        answer("POST", "/mj/submit/upload-discord-images", "{\"base64Array\": [\"" + PNG + "\"]}", 200, 1);
        answer("POST", "/mj/submit/upload-discord-images", "{\"base64Array\": []}", 200, 4);

        JsonNode finished = client.awaitFinal(grid);
        assertThat(finished.path("status").asString()).isEqualTo("SUCCESS");
        String upscale = accepted(valid("POST", "/mj/submit/action", "{\"taskId\": \"" + grid + "\", \"customId\": \""
                + MjApi.button(finished, "U1") + "\"}", 200));
        answer("POST", "/mj/submit/action", "{\"taskId\": \"" + grid + "\"}", 200, 4);
        answer("POST", "/mj/submit/action", "{\"taskId\": \"" + UNKNOWN + "\", \"customId\": \"x\"}", 200, 3);
        accepted(valid("POST", "/mj/submit/change", "{\"taskId\": \"" + grid + "\", \"action\": \"UPSCALE\", "
                + "\"index\": 2}", 200));
        answer("POST", "/mj/submit/change", "{\"taskId\": \"" + grid + "\", \"action\": \"ZOOM\"}", 200, 4);
        accepted(valid("POST", "/mj/submit/simple-change", "{\"content\": \"" + grid + " V1\"}", 200));
        answer("POST", "/mj/submit/simple-change", "{\"content\": \"" + grid + " U9\"}", 200, 4);

        JsonNode upscaled = client.awaitFinal(upscale);
        Exchange zoom = valid("POST", "/mj/submit/action", "{\"taskId\": \"" + upscale + "\", \"customId\": \""
                + MjApi.button(upscaled, "CustomZoom") + "\"}", 200);
        assertThat(zoom.json().path("code").asInt()).as(zoom.text()).isEqualTo(21);
        accepted(valid("POST", "/mj/submit/modal", "{\"taskId\": \"" + zoom.json().path("result").asString()
                + "\", \"prompt\": \"a documented lighthouse --zoom 2\"}", 200));
        answer("POST", "/mj/submit/modal", "{\"prompt\": \"no task\"}", 200, 4);
        assertNoProblems();
    }

    @Test
    void tasksAnswerAsDocumented() {
        String id = client.submit("/mj/submit/imagine", "{\"prompt\": \"a documented harbour\"}");
        JsonNode task = client.awaitFinal(id);

        valid("GET", "/mj/task/" + id + "/fetch", null, 200);
        empty("/mj/task/" + UNKNOWN + "/fetch");
        valid("POST", "/mj/task/list-by-condition", "{\"ids\": [\"" + id + "\", \"" + UNKNOWN + "\"]}", 200);
        answer("POST", "/mj/task/list-by-condition", "{\"ids\": \"" + id + "\"}", 400, 4);
        valid("GET", "/mj/task/queue", null, 200);
        valid("GET", "/mj-fast/mj/task/list?offset=0&limit=5", null, 200);
        answer("GET", "/mj/task/list?offset=-1", null, 400, 4);
        Exchange seed = valid("GET", "/mj/task/" + id + "/image-seed", null, 200);
        assertThat(seed.json().path("code").asInt()).as(seed.text()).isEqualTo(1);
        answer("GET", "/mj/task/" + UNKNOWN + "/image-seed", null, 200, 3);
        answer("POST", "/mj/task/" + id + "/cancel", null, 200, 4);
        answer("POST", "/mj/task/" + UNKNOWN + "/cancel", null, 200, 3);
        sandbox.pauseBot();
        List<String> running = new ArrayList<>();
        Exchange queued;
        do {
            queued = valid("POST", "/mj/submit/imagine", "{\"prompt\": \"a documented queue\"}", 200);
            running.add(accepted(queued));
        } while (queued.json().path("code").asInt() == 1);
        Exchange cancelled = valid("POST", "/mj/task/" + running.remove(running.size() - 1) + "/cancel", null, 200);
        assertThat(cancelled.json().path("description").asString()).as(cancelled.text()).isEqualTo("Cancelled");
        sandbox.resumeBot();
        running.forEach(client::awaitFinal);

        Exchange stream = valid("GET", "/mj/task/" + id + "/events", null, 200);
        assertThat(stream.contentType()).startsWith("text/event-stream");
        assertThat(stream.text()).contains("event:task").contains("\"status\":\"SUCCESS\"");
        answer("GET", "/mj/task/" + UNKNOWN + "/events", null, 200, 3);
        valid("GET", "/mj/task/events?ids=" + id, null, 200);
        answer("GET", "/mj/task/events?status=DONE", null, 400, 4);

        String picture = URI.create(task.path("imageUrl").asString()).getPath();
        Exchange image = valid("GET", picture, null, 200);
        assertThat(image.body().length).isPositive();
        answer("GET", "/mj/image/" + id + "/nothing.png", null, 404, 3);
        assertNoProblems();
    }

    @Test
    void accountsAndTheAdminApiAnswerAsDocumented() {
        valid("GET", "/mj/account/list", null, 200);
        valid("GET", "/mj/account/sandbox-1/fetch", null, 200);
        empty("/mj/account/nobody/fetch");

        valid("GET", "/mj/account/reload-status", null, 200);
        answer("POST", "/mj/account/reload", null, 400, 4);
        valid("GET", "/mj/cluster", null, 200);
        answer("POST", "/mj/cluster/drain", null, 400, 4);
        valid("POST", "/mj/account/sandbox-2/disable", "{\"reason\": \"checked by the contract test\"}", 200);
        valid("POST", "/mj/account/sandbox-2/enable", null, 200);
        answer("POST", "/mj/account/sandbox-2/disable", "{\"reason\": 5}", 400, 4);
        answer("POST", "/mj/account/nobody/enable", null, 200, 3);
        valid("POST", "/mj/account/sandbox-1/reconnect", null, 200);
        SandboxedAccounts.awaitAllReady(pool, MjApi.WAIT);
        valid("POST", "/mj/account/sandbox-1/sync", null, 200);
        answer("POST", "/mj/account/create", "{\"id\": \"third\"}", 400, 4);
        answer("PUT", "/mj/account/sandbox-1", "{\"weight\": \"heavy\"}", 400, 4);
        answer("DELETE", "/mj/account/sandbox-1", null, 400, 4);
        SandboxedAccounts.awaitAllReady(pool, MjApi.WAIT);

        String id = client.submit("/mj/submit/imagine", "{\"prompt\": \"a documented pier\"}");
        client.awaitFinal(id);
        valid("GET", "/mj/task/" + id + "/deliveries", null, 200);
        answer("POST", "/mj/task/" + id + "/redeliver", null, 200, 4);
        answer("GET", "/mj/task/" + UNKNOWN + "/deliveries", null, 200, 3);

        Map<String, String> noAdmin = Map.of("mj-api-secret", SECRET);
        check(exchange("POST", "/mj/account/sandbox-2/enable", null, noAdmin), 401, 4, false);
        check(exchange("GET", "/mj/account/list", null, Map.of()), 401, 4, false);
        check(exchange("POST", "/mj/submit/imagine", "{\"prompt\": \"no secret\"}", Map.of()), 401, 4, false);
        assertNoProblems();
    }

    @Test
    void swaggerUiIsServedWithoutASecret() {
        Exchange page = exchange("GET", "/swagger-ui/index.html", null, Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("swagger-ui");
        assertThat(exchange("GET", "/swagger-ui.html", null, Map.of()).status()).as("redirects to the page")
                .isEqualTo(302);
    }

    /** The ready answer of a request the document allows, both checked. */
    private Exchange valid(String method, String path, String body, int status) {
        Exchange exchange = exchange(method, path, body, headers());
        assertThat(exchange.status()).as("%s %s: %s", method, path, exchange.text()).isEqualTo(status);
        record(method, path, validator.validate(exchange.request(), exchange.response()));
        return exchange;
    }

    /**
     * Fetch of an unknown id: HTTP 200 with an empty body, as midjourney-proxy's clients expect. OpenAPI
     * cannot make a body optional, so the document says it in words and only the body's absence is
     * forgiven here; the status and everything else are checked.
     */
    private void empty(String path) {
        Exchange exchange = exchange("GET", path, null, headers());
        assertThat(exchange.status()).as(path).isEqualTo(200);
        assertThat(exchange.body()).as(path).isEmpty();
        ValidationReport report = validator.validate(exchange.request(), exchange.response());
        record("GET", path, ValidationReport.from(report.getMessages().stream()
                .filter(m -> !m.getKey().equals("validation.response.body.missing")).toList()));
    }

    /** A request that is wrong on purpose (or names what does not exist): only its answer is checked. */
    private Exchange answer(String method, String path, String body, int status, int code) {
        return check(exchange(method, path, body, headers()), status, code, true);
    }

    private Exchange check(Exchange exchange, int status, int code, boolean withSecret) {
        String what = exchange.method() + " " + exchange.path();
        assertThat(exchange.status()).as("%s: %s", what, exchange.text()).isEqualTo(status);
        assertThat(exchange.json().path("code").asInt()).as("%s: %s", what, exchange.text()).isEqualTo(code);
        record(exchange.method(), exchange.path(), validator.validateResponse(URI.create(exchange.path()).getPath(),
                Request.Method.valueOf(exchange.method()), exchange.response()));
        return exchange;
    }

    private void record(String method, String path, ValidationReport report) {
        report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> problems.add(method + " " + path + ": " + m.getKey() + " " + m.getMessage()));
    }

    private void assertNoProblems() {
        assertThat(problems).as("answers the document does not describe").isEmpty();
    }

    private static String accepted(Exchange submit) {
        int code = submit.json().path("code").asInt();
        assertThat(code).as(submit.text()).isIn(1, 22);
        return submit.json().path("result").asString();
    }

    private static Map<String, String> headers() {
        return Map.of("mj-api-secret", SECRET, "mj-admin-secret", ADMIN_SECRET);
    }

    private Exchange send(String method, String path, String body, Map<String, String> headers) {
        return exchange(method, path, body, headers);
    }

    private Exchange exchange(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(MjApi.WAIT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        headers.forEach(builder::header);
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Exchange(method, path, body, headers, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** One request and its answer, as the validator takes them. */
    private record Exchange(String method, String path, String requestBody, Map<String, String> headers, int status,
                            String contentType, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return MjApi.json().readTree(text());
        }

        Request request() {
            URI uri = URI.create(path);
            SimpleRequest.Builder builder = new SimpleRequest.Builder(method, uri.getPath());
            if (uri.getQuery() != null) {
                for (String pair : uri.getQuery().split("&")) {
                    String[] parts = pair.split("=", 2);
                    builder.withQueryParam(parts[0], parts.length > 1 ? parts[1] : "");
                }
            }
            headers.forEach(builder::withHeader);
            if (requestBody != null) {
                builder.withContentType("application/json").withBody(requestBody);
            }
            return builder.build();
        }

        SimpleResponse response() {
            SimpleResponse.Builder builder = SimpleResponse.Builder.status(status);
            if (contentType != null) {
                builder.withContentType(contentType);
            }
            if (body.length > 0) {
                builder.withBody(body);
            }
            return builder.build();
        }
    }
}
