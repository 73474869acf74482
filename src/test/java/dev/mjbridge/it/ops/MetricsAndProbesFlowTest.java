package dev.mjbridge.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

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

import dev.mjbridge.account.AccountPool;
import dev.mjbridge.it.MjApi;
import dev.mjbridge.it.PrometheusScrape;
import dev.mjbridge.it.SandboxedAccounts;
import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.testing.Waits;
import tools.jackson.databind.JsonNode;

/**
 * docs/operations.md, against the sandbox as against Discord (one account from accounts.yml): what an operator scrapes at {@code /actuator/prometheus} after a job, that only the
 * admin may scrape, that no secret appears in it, and the readiness probe following the account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mj.admin-secret=" + MetricsAndProbesFlowTest.ADMIN_SECRET,
        "mj.api-secret=" + MetricsAndProbesFlowTest.API_SECRET,
        "spring.datasource.url=jdbc:h2:mem:metrics-flow;DB_CLOSE_DELAY=-1"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(SandboxedAccounts.ClosedWithTheApplication.class)
class MetricsAndProbesFlowTest {

    static final String ADMIN_SECRET = "metrics-admin-secret";
    static final String API_SECRET = "metrics-api-secret";
    private static final String ACCOUNT = SandboxedAccounts.accountId(1);

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

    @BeforeEach
    void ready() {
        SandboxedAccounts.awaitAllReady(pool, MjApi.WAIT);
        api = new MjApi(port, API_SECRET);
    }

    @AfterEach
    void enabledAgain() {
        api.adminPost("/mj/account/" + ACCOUNT + "/enable", "", ADMIN_SECRET);
    }

    @Test
    void aFinishedJobShowsInTheScrape() {
        String taskId = api.submit("/mj/submit/imagine", "{\"prompt\": \"a lighthouse in fog\"}");
        JsonNode task = api.awaitFinal(taskId);
        assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("SUCCESS");

        PrometheusScrape scrape = PrometheusScrape.of(port, ADMIN_SECRET);

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.sum("mj_tasks_submitted_total", "action", "IMAGINE", "account", ACCOUNT)).isGreaterThanOrEqualTo(1);
        assertThat(scrape.sum("mj_tasks_finished_total", "action", "IMAGINE", "status", "SUCCESS", "account", ACCOUNT))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape.find("mj_discord_rest_seconds_count", "answer", "2xx"))
                .as("REST answers timed by route")
                .anySatisfy(sample -> {
                    assertThat(sample.labels().get("route")).startsWith("POST ").endsWith("/interactions");
                    assertThat(sample.value()).isGreaterThanOrEqualTo(1);
                });
        assertThat(scrape.sum("mj_gateway_sessions_total", "account", ACCOUNT)).isGreaterThanOrEqualTo(1);
        assertThat(scrape.sum("mj_account_state", "account", ACCOUNT, "state", "READY")).isEqualTo(1);
        assertThat(scrape.sum("mj_account_state", "account", ACCOUNT, "state", "DISABLED")).isZero();
        assertThat(scrape.sum("mj_accounts", "state", "READY")).isEqualTo(1);
        assertThat(scrape.sum("mj_account_tasks_running", "account", ACCOUNT)).isZero();
        assertThat(scrape.sum("mj_tasks_success_delay_seconds_count")).isGreaterThanOrEqualTo(1);
        assertThat(scrape.sum("mj_images_store_seconds_count", "operation", "put", "outcome", "ok"))
                .as("the result's picture was stored").isGreaterThanOrEqualTo(1);
    }

    @Test
    void theFastTimeOfTheLastSyncIsAGauge() {
        sandbox.control().updateUser(sandbox.userIdOf(ACCOUNT), s -> s.withFastSecondsRemaining(45_000));

        MjApi.Response synced = api.adminPost("/mj/account/" + ACCOUNT + "/sync", "", ADMIN_SECRET);

        assertThat(synced.body().path("code").asInt()).as(synced.raw()).isEqualTo(1);
        long shown = api.get("/mj/account/" + ACCOUNT + "/fetch").body().path("info").path("fastTimeRemainingSeconds")
                .asLong();
        assertThat(shown).as("45,000 s less the estimate for fast jobs finished since").isPositive().isLessThanOrEqualTo(45_000);
        assertThat(PrometheusScrape.of(port, ADMIN_SECRET).sum("mj_account_fast_time_remaining_seconds", "account", ACCOUNT))
                .isEqualTo(shown);
    }

    @Test
    void onlyTheAdminMayScrapeAndNoSecretIsInIt() {
        assertThat(PrometheusScrape.of(port, null).status()).isEqualTo(401);
        assertThat(PrometheusScrape.of(port, "wrong").status()).isEqualTo(401);
        assertThat(PrometheusScrape.of(port, API_SECRET).status()).as("the api secret is not the admin's").isEqualTo(401);

        String text = PrometheusScrape.of(port, ADMIN_SECRET).text();

        assertThat(text).contains("mj_account_state").doesNotContain(sandbox.token(1))
                .doesNotContain(SandboxedAccounts.botToken(1)).doesNotContain(ADMIN_SECRET).doesNotContain(API_SECRET);
    }

    @Test
    void readinessFollowsTheAccountWhileHealthStaysUp() {
        awaitReadiness(200, "UP");

        MjApi.Response disabled = api.adminPost("/mj/account/" + ACCOUNT + "/disable", "", ADMIN_SECRET);
        assertThat(disabled.status()).as(disabled.raw()).isEqualTo(200);
        awaitReadiness(503, "DOWN");

        MjApi.Response anonymous = api.get("/actuator/health/readiness");
        assertThat(anonymous.raw()).as("no details for anonymous callers").doesNotContain(ACCOUNT);
        MjApi.Response admin = api.adminGet("/actuator/health/readiness", ADMIN_SECRET);
        assertThat(admin.body().path("components").path("accounts").path("details").path("accounts")
                .path(ACCOUNT).path("state").asString()).as(admin.raw()).isEqualTo("DISABLED");
        MjApi.Response health = api.get("/actuator/health");
        assertThat(health.status()).as("an instance waiting for an account is alive: %s", health.raw()).isEqualTo(200);
        assertThat(health.body().path("components").has("accounts")).isFalse();
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);

        api.adminPost("/mj/account/" + ACCOUNT + "/enable", "", ADMIN_SECRET);
        awaitReadiness(200, "UP");
    }

    private void awaitReadiness(int status, String state) {
        Waits.await("readiness " + state, MjApi.WAIT).until(() -> api.get("/actuator/health/readiness"),
                r -> r.status() == status && state.equals(r.body().path("status").asString()));
    }
}
