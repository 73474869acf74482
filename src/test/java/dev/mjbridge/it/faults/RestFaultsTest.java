package dev.mjbridge.it.faults;

import dev.mjbridge.account.AccountPool;
import dev.mjbridge.it.MjApi;
import dev.mjbridge.it.SandboxedAccounts;
import dev.mjbridge.sandbox.Recorder;
import dev.mjbridge.sandbox.SandboxControl;
import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.sandbox.rest.RestFaults;
import dev.mjbridge.sandbox.world.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4, item 3: a 5xx on {@code POST /interactions} is sent again with the same
 * nonce and the job starts once; retries stop at a limit; a 4xx fails the task with
 * Discord's message; a 429 (route or global) is waited out for its {@code retry_after}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(SandboxedAccounts.ClosedWithTheApplication.class)
class RestFaultsTest {

    @TempDir
    static Path dir;
    static SandboxedAccounts sandbox;

    @DynamicPropertySource
    static void pointAtSandbox(DynamicPropertyRegistry registry) {
        sandbox = SandboxedAccounts.start(SandboxSettings.forTests(), 1, dir, 1);
        sandbox.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    AccountPool pool;

    MjApi api;
    SandboxControl control;

    @BeforeEach
    void ready() {
        SandboxedAccounts.awaitAllReady(pool, MjApi.WAIT);
        api = new MjApi(port);
        control = sandbox.control();
        control.reset();
    }

    @AfterEach
    void calm() {
        control.reset();
    }

    @Test
    void aServerErrorIsRetriedWithTheSameNonceAndTheJobStartsOnce() {
        control.failNextRestCalls(2, new RestFaults.Fault(503, 0, false));

        JsonNode task = api.awaitFinal(api.submit("/mj/submit/imagine", "{\"prompt\": \"a kite over stormy sea\"}"));

        assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("SUCCESS");
        sandbox.ownJob(task);
        String nonce = task.path("properties").path("nonce").asString();
        List<Recorder.ReceivedInteraction> refused = refusedWith(nonce);
        assertThat(refused).extracting(Recorder.ReceivedInteraction::status).containsExactly(503, 503);
        Recorder.ReceivedInteraction accepted = control.received().interactions().stream()
                .filter(i -> nonce.equals(i.nonce())).findFirst().orElseThrow();
        assertThat(refused).allSatisfy(r -> assertThat(r.payload()).as("the same body again").isEqualTo(accepted.payload()));
        assertThat(control.received().acceptedInteractionsWithNonce(nonce)).isOne();
        assertThat(control.received().interactionsWithNonce(nonce)).isOne();
    }

    @Test
    void serverErrorsThatDoNotStopFailTheTaskAfterALimitAndNothingStarts() {
        control.failNextRestCalls(50, new RestFaults.Fault(500, 0, false));

        JsonNode task = api.awaitFinal(api.submit("/mj/submit/imagine", "{\"prompt\": \"a bridge that never opens\"}"));

        assertThat(task.path("status").asString()).isEqualTo("FAILURE");
        assertThat(task.path("failReason").asString()).contains("Discord did not answer").contains("HTTP 500");
        String nonce = task.path("properties").path("nonce").asString();
        assertThat(refusedWith(nonce)).hasSizeGreaterThan(1).hasSizeLessThan(10);
        assertThat(control.received().acceptedInteractionsWithNonce(nonce)).isZero();
    }

    @Test
    void aClientErrorFailsTheTaskWithDiscordsMessage() {
        control.rotateCommandVersion(World.MIDJOURNEY_APP_ID, "imagine");

        JsonNode task = api.awaitFinal(api.submit("/mj/submit/imagine", "{\"prompt\": \"an old command version\"}"));

        assertThat(task.path("status").asString()).isEqualTo("FAILURE");
        assertThat(task.path("failReason").asString()).contains("This command is outdated, please try again in a few minutes");
        String nonce = task.path("properties").path("nonce").asString();
        assertThat(control.received().interactionsWithNonce(nonce)).as("a 4xx is not sent again").isOne();
        assertThat(control.received().acceptedInteractionsWithNonce(nonce)).isZero();
    }

    @Test
    void aRouteRateLimitIsWaitedOutForItsRetryAfter() {
        assertWaitedOut(new RestFaults.Fault(429, 1.2, false));
    }

    @Test
    void aGlobalRateLimitIsWaitedOutForItsRetryAfter() {
        assertWaitedOut(new RestFaults.Fault(429, 0.8, true));
    }

    private void assertWaitedOut(RestFaults.Fault fault) {
        control.failNextRestCalls(1, fault);

        JsonNode task = api.awaitFinal(api.submit("/mj/submit/imagine", "{\"prompt\": \"a queue of patient swans\"}"));

        assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("SUCCESS");
        sandbox.ownJob(task);
        String nonce = task.path("properties").path("nonce").asString();
        List<Recorder.ReceivedInteraction> refused = refusedWith(nonce);
        assertThat(refused).extracting(Recorder.ReceivedInteraction::status).containsExactly(429);
        long acceptedAt = control.received().interactions().stream().filter(i -> nonce.equals(i.nonce()))
                .findFirst().orElseThrow().receivedAtMillis();
        assertThat(acceptedAt - refused.get(0).receivedAtMillis()).as("waited for retry_after")
                .isGreaterThanOrEqualTo((long) (fault.retryAfterSeconds() * 1000) - 20);
        assertThat(control.received().acceptedInteractionsWithNonce(nonce)).isOne();
    }

    private List<Recorder.ReceivedInteraction> refusedWith(String nonce) {
        return control.received().faultedInteractions().stream().filter(i -> nonce.equals(i.nonce())).toList();
    }
}
