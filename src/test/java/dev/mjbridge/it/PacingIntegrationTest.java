package dev.mjbridge.it;

import dev.mjbridge.account.AccountPool;
import dev.mjbridge.sandbox.Recorder;
import dev.mjbridge.sandbox.SandboxSettings;
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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pacing through the HTTP API against the sandbox: acc-1 takes at most two jobs a day, acc-2
 * sends at least {@value #INTERVAL_SECONDS} s apart. What Discord (the sandbox) received is the
 * evidence for the spacing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(SandboxedAccounts.ClosedWithTheApplication.class)
class PacingIntegrationTest {

    private static final int INTERVAL_SECONDS = 2;
    private static final String LIMITED = SandboxedAccounts.accountId(1);
    private static final String SPACED = SandboxedAccounts.accountId(2);

    @TempDir
    static Path dir;
    static SandboxedAccounts sandbox;

    @DynamicPropertySource
    static void pointAtSandbox(DynamicPropertyRegistry registry) {
        sandbox = SandboxedAccounts.start(SandboxSettings.forTests(), 2, dir, 1, n -> switch (n) {
            case 1 -> "    dailyLimit: 2\n";
            default -> "    minIntervalSeconds: " + INTERVAL_SECONDS + "\n";
        });
        sandbox.register(registry);
        // The third job is refused, not put off to the next day, even when the test runs just before midnight.
        registry.add("mj.tasks.max-wait", () -> "1s");
    }

    @LocalServerPort
    int port;
    @Autowired
    AccountPool pool;
    MjApi api;

    @BeforeEach
    void ready() {
        SandboxedAccounts.awaitAllReady(pool, MjApi.WAIT);
        api = new MjApi(port);
    }

    @Test
    void anAccountAtItsDailyLimitTakesNoThirdJob() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            MjApi.Response taken = api.post("/mj/submit/imagine", imagineOn(LIMITED, "within the limit " + i));
            assertThat(taken.body().path("code").asInt()).as(taken.raw()).isEqualTo(1);
            ids.add(taken.body().path("result").asString());
        }

        MjApi.Response refused = api.post("/mj/submit/imagine", imagineOn(LIMITED, "over the limit"));
        assertThat(refused.body().path("code").asInt()).as(refused.raw()).isEqualTo(23);
        assertThat(refused.body().path("description").asString())
                .contains("all accounts at their daily limit until 00:00 UTC");

        MjApi.Response elsewhere = api.post("/mj/submit/imagine", """
                {"prompt": "any account will do"}""");
        assertThat(elsewhere.body().path("code").asInt()).as(elsewhere.raw()).isIn(1, 22);
        assertThat(elsewhere.body().path("properties").path("discordInstanceId").asString()).isEqualTo(SPACED);
        ids.add(elsewhere.body().path("result").asString());

        for (String id : ids) {
            assertThat(api.awaitFinal(id).path("status").asString()).isEqualTo("SUCCESS");
        }
        JsonNode usage = accountListed(LIMITED).path("usage");
        assertThat(usage.path("today").asInt()).isEqualTo(2);
        assertThat(usage.path("dailyLimit").asInt()).isEqualTo(2);
        assertThat(usage.path("inWorkHours").asBoolean()).isTrue();
        assertThat(usage.path("nextSendAt").isNull()).as("acc-1 has no interval: no next send to show").isTrue();
        assertThat(api.get("/mj/account/" + LIMITED + "/fetch").body().path("usage").path("today").asInt()).isEqualTo(2);
    }

    @Test
    void sendsFromOneAccountAreAtLeastTheMinimumIntervalApart() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            MjApi.Response taken = api.post("/mj/submit/imagine", imagineOn(SPACED, "spaced " + i));
            assertThat(taken.body().path("code").asInt()).as("admitted, not refused: " + taken.raw()).isEqualTo(1);
            ids.add(taken.body().path("result").asString());
        }
        List<Long> receivedAt = new ArrayList<>();
        for (String id : ids) {
            JsonNode done = api.awaitFinal(id);
            assertThat(done.path("status").asString()).isEqualTo("SUCCESS");
            String nonce = done.path("properties").path("nonce").asString();
            List<Recorder.ReceivedInteraction> sent = sandbox.control().received().interactions().stream()
                    .filter(i -> nonce.equals(i.nonce())).toList();
            assertThat(sent).hasSize(1);
            receivedAt.add(sent.get(0).receivedAtMillis());
        }
        receivedAt.sort(Long::compare);
        for (int i = 1; i < receivedAt.size(); i++) {
            assertThat(receivedAt.get(i) - receivedAt.get(i - 1)).as("gap between sends %d and %d", i, i + 1)
                    .isGreaterThanOrEqualTo(INTERVAL_SECONDS * 1_000L);
        }
        assertThat(accountListed(SPACED).path("usage").path("nextSendAt").asLong())
                .isGreaterThanOrEqualTo(receivedAt.get(2));
    }

    private JsonNode accountListed(String id) {
        for (JsonNode account : api.get("/mj/account/list").body()) {
            if (id.equals(account.path("id").asString())) {
                return account;
            }
        }
        throw new AssertionError("account " + id + " not listed");
    }

    private static String imagineOn(String accountId, String prompt) {
        return "{\"prompt\": \"" + prompt + "\", \"accountFilter\": {\"instanceId\": \"" + accountId + "\"}}";
    }
}
