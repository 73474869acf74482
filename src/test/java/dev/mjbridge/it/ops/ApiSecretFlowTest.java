package dev.mjbridge.it.ops;

import dev.mjbridge.it.MjApi;
import dev.mjbridge.it.ProxyIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code mj.api-secret} set, a client without the {@code mj-api-secret} header (or with
 * a wrong one) gets 401 on submit, fetch and account list, and a client with it works end to
 * end. The secret is never echoed in any answer. (Same properties as ApiSecretSandboxTest,
 * so both share one application context.)
 */
@TestPropertySource(properties = "mj.api-secret=it-secret")
class ApiSecretFlowTest extends ProxyIntegrationTest {

    private static final String SECRET = "it-secret";

    @Test
    void withoutTheRightHeaderSubmitFetchAndAccountsAre401() {
        MjApi authorized = api.withSecret(SECRET);
        String id = authorized.submit("/mj/submit/imagine", "{\"prompt\": \"a guarded lighthouse\"}");

        List<String> answers = new ArrayList<>();
        for (MjApi client : List.of(api, api.withSecret("it-secreT"), api.withSecret(""), api.withSecret(SECRET + "x"))) {
            for (Function<MjApi, MjApi.Response> call : List.<Function<MjApi, MjApi.Response>>of(
                    c -> c.post("/mj/submit/imagine", "{\"prompt\": \"an intruder\"}"),
                    c -> c.post("/mj-relax/mj/submit/imagine", "{\"prompt\": \"an intruder\"}"),
                    c -> c.post("/mj/submit/action", "{\"taskId\": \"" + id + "\", \"customId\": \"x\"}"),
                    c -> c.get("/mj/task/" + id + "/fetch"),
                    c -> c.post("/mj/task/list-by-condition", "[\"" + id + "\"]"),
                    c -> c.get("/mj/account/list"),
                    c -> c.get("/mj/account/sandbox-1/fetch"))) {
                MjApi.Response response = call.apply(client);
                assertThat(response.status()).as(response.raw()).isEqualTo(401);
                assertThat(response.body().path("code").asInt()).isEqualTo(4);
                assertThat(response.body().path("result").isNull()).isTrue();
                answers.add(response.raw());
            }
        }
        assertThat(authorized.awaitFinal(id).path("status").asString()).isEqualTo("SUCCESS");
        assertThat(answers).noneMatch(body -> body.contains(SECRET));
    }

    @Test
    void withTheHeaderTheWholeFlowWorksAndNoAnswerCarriesTheSecret() {
        MjApi authorized = api.withSecret(SECRET);
        List<String> answers = new ArrayList<>();

        MjApi.Response submitted = authorized.post("/mj/submit/imagine",
                "{\"prompt\": \"a lighthouse for key holders\", \"state\": \"s1\"}");
        answers.add(submitted.raw());
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.body().path("code").asInt()).isEqualTo(1);
        String id = submitted.body().path("result").asString();
        JsonNode grid = authorized.awaitFinal(id);
        assertThat(grid.path("status").asString()).isEqualTo("SUCCESS");

        MjApi.Response action = authorized.post("/mj/submit/action",
                "{\"taskId\": \"%s\", \"customId\": \"%s\"}".formatted(id, MjApi.button(grid, "U1")));
        answers.add(action.raw());
        assertThat(authorized.awaitFinal(action.body().path("result").asString()).path("status").asString())
                .isEqualTo("SUCCESS");

        for (String path : List.of("/mj/task/" + id + "/fetch", "/mj/task/list", "/mj/task/queue", "/mj/account/list",
                "/mj/account/sandbox-1/fetch", "/mj/nothing-here")) {
            MjApi.Response response = authorized.get(path);
            assertThat(response.status()).as(path).isIn(200, 404);
            answers.add(response.raw());
        }
        answers.add(authorized.post("/mj/task/list-by-condition", "[\"" + id + "\"]").raw());
        answers.add(authorized.post("/mj/submit/imagine", "{\"prompt\": \"\"}").raw());
        assertThat(answers).noneMatch(body -> body.contains(SECRET));
    }
}
