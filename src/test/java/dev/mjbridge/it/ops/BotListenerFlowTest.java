package dev.mjbridge.it.ops;

import dev.mjbridge.account.AccountObservers;
import dev.mjbridge.account.CaptureWriter;
import dev.mjbridge.it.MjApi;
import dev.mjbridge.it.SandboxedAccounts;
import dev.mjbridge.sandbox.SandboxControl;
import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.sandbox.gateway.GatewayCounters;
import dev.mjbridge.testing.Waits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot listener ({@code botToken}) end to end, through the HTTP API against the sandbox: a JDA
 * bot in the account's guild is a second stream of the channel's messages. acc-1 and acc-2 have a
 * bot the sandbox admits; acc-3's bot token is one the sandbox refuses. Captures are on
 * ({@code mj.discord.capture-dir}), so what the account applied can be counted.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(SandboxedAccounts.ClosedWithTheApplication.class)
class BotListenerFlowTest {

    private static final String BAD_BOT_TOKEN = "a-bot-token-discord-refuses.xyz";
    private static final Duration POLL = Duration.ofMillis(20);

    @TempDir
    static Path dir;
    static SandboxedAccounts sandbox;

    @DynamicPropertySource
    static void pointAtSandbox(DynamicPropertyRegistry registry) {
        sandbox = SandboxedAccounts.start(SandboxSettings.forTests(), 3, dir, 1,
                n -> n == 3 ? "    botToken: \"" + BAD_BOT_TOKEN + "\"\n" : "", n -> n <= 2);
        sandbox.register(registry);
        registry.add("mj.discord.capture-dir", () -> dir.resolve("captures").toString());
    }

    @LocalServerPort
    int port;
    @Autowired
    AccountObservers observers;

    MjApi api;
    SandboxControl control;

    @BeforeEach
    void ready() {
        control = sandbox.control();
        control.reset();
        api = new MjApi(port);
    }

    @Test
    void anImagineProgressesAndFinishesThroughTheBotWhileTheUserSessionIsStalledAndIsAppliedOnce() throws Exception {
        awaitAccount(1, a -> "READY".equals(a.path("state").asString())
                && "READY".equals(a.path("listener").path("state").asString()), "acc-1 and its listener READY");
        String user = sandbox.userId(1);
        GatewayCounters.Snapshot before = control.gatewayCounters(user);
        // Long enough to watch progress by polling; the user session hears nothing meanwhile
        // (its heartbeat interval, 41 s, is far longer than the job, so it does not notice).
        control.setFastJobDuration(Duration.ofSeconds(3));
        control.stallConnections(user);

        try (HookReceiver hooks = new HookReceiver(n -> 200)) {
            String id = api.submit("/mj/submit/imagine", """
                    {"prompt": "a lighthouse heard by its bot", "notifyHook": "%s",
                     "accountFilter": {"instanceId": "acc-1"}}""".formatted(hooks.url()));
            JsonNode running = api.awaitTask(id, t -> "IN_PROGRESS".equals(t.path("status").asString())
                    && progress(t) > 0 && progress(t) < 100, "progress between 0 and 100 %");
            assertThat(running.path("progress").asString()).endsWith("%");

            JsonNode done = api.awaitFinal(id);
            assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SUCCESS");
            sandbox.ownJob(done);
            assertThat(control.gatewayCounters(user).resumed()).as("the user session stayed stalled throughout")
                    .isEqualTo(before.resumed());

            // The user session comes back and Discord replays what it missed: the same messages
            // the bot delivered, final result included. The task is finished once.
            control.dropConnections(user);
            Waits.await("acc-1's user session resumed", MjApi.WAIT).pollInterval(POLL)
                    .until(() -> control.gatewayCounters(user).resumed() > before.resumed());
            awaitAccount(1, a -> "READY".equals(a.path("state").asString()), "acc-1 READY after the resume");
            assertThat(hooks.awaitAccepted(id, "SUCCESS")).filteredOn(d -> d.status().equals("SUCCESS")).hasSize(1);
            assertThat(api.fetch(id).path("finishTime").asLong()).isEqualTo(done.path("finishTime").asLong());
            assertEachMessageEventCapturedOnce("acc-1", done);
        }
    }

    @Test
    void withBothStreamsUpEveryMessageIsAppliedOnce() throws Exception {
        JsonNode account = awaitAccount(2, a -> "READY".equals(a.path("listener").path("state").asString()),
                "acc-2's listener READY");
        assertThat(account.path("listener").path("reason").asString())
                .contains("listening to channel " + sandbox.channelId(2));
        assertThat(control.liveGatewaySessions(SandboxedAccounts.botUserId(2))).isEqualTo(1);

        try (HookReceiver hooks = new HookReceiver(n -> 200)) {
            String id = api.submit("/mj/submit/imagine", """
                    {"prompt": "a lighthouse heard twice", "notifyHook": "%s",
                     "accountFilter": {"instanceId": "acc-2"}}""".formatted(hooks.url()));
            JsonNode done = api.awaitFinal(id);
            assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SUCCESS");
            sandbox.ownJob(done);
            assertThat(hooks.awaitAccepted(id, "SUCCESS")).filteredOn(d -> d.status().equals("SUCCESS")).hasSize(1);
            assertEachMessageEventCapturedOnce("acc-2", done);
        }
    }

    @Test
    void aBadBotTokenLeavesTheAccountWorkingOnItsUserSession(CapturedOutput output) {
        JsonNode account = awaitAccount(3, a -> "FAILED".equals(a.path("listener").path("state").asString()),
                "acc-3's listener FAILED");
        assertThat(account.path("listener").path("reason").asString()).contains("Discord refused the bot's login");
        awaitAccount(3, a -> "READY".equals(a.path("state").asString()), "acc-3 READY on its user session");

        String id = api.submit("/mj/submit/imagine", """
                {"prompt": "a lighthouse without a bot", "accountFilter": {"instanceId": "acc-3"}}""");
        JsonNode done = api.awaitFinal(id);
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SUCCESS");
        sandbox.ownJob(done);

        String listed = api.get("/mj/account/list").raw() + api.get("/mj/account/acc-3/fetch").raw();
        assertThat(output.getAll()).contains("account acc-3: bot listener failed");
        for (String token : List.of(BAD_BOT_TOKEN, SandboxedAccounts.botToken(1), SandboxedAccounts.botToken(2))) {
            assertThat(listed).as("the account list").doesNotContain(token);
            assertThat(output.getAll()).as("the log").doesNotContain(token);
        }
    }

    /**
     * The capture holds what the account applied: every MESSAGE_CREATE and MESSAGE_DELETE of the
     * account once per message, every MESSAGE_UPDATE once per edit, the task's result among them.
     */
    private void assertEachMessageEventCapturedOnce(String accountId, JsonNode task) throws Exception {
        CaptureWriter capture = observers.capture();
        assertThat(capture.awaitIdle(MjApi.WAIT.toMillis())).as("capture written").isTrue();
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode line : captured()) {
            if (!accountId.equals(line.path("account").asString())) {
                continue;
            }
            JsonNode d = line.path("d");
            String key = line.path("t").asString() + " " + d.path("id").asString() + " "
                    + d.path("edited_timestamp").asString("") + " " + d.path("content").asString("");
            counts.merge(key, 1, Integer::sum);
        }
        String result = task.path("properties").path("messageId").asString();
        assertThat(counts.keySet()).as("the result message was captured")
                .anyMatch(key -> key.startsWith("MESSAGE_CREATE " + result + " "));
        assertThat(counts).as("events captured more than once").allSatisfy((key, count) -> assertThat(count).as(key).isOne());
    }

    private static List<JsonNode> captured() throws IOException {
        Path file = dir.resolve("captures").resolve(CaptureWriter.fileName(LocalDate.now(ZoneOffset.UTC)));
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> !l.isBlank()).map(l -> MjApi.json().readTree(l)).toList();
        }
    }

    private static int progress(JsonNode task) {
        String text = task.path("progress").asString("").replace("%", "").trim();
        return text.isEmpty() ? 0 : Integer.parseInt(text);
    }

    private JsonNode accountJson(int n) {
        return api.get("/mj/account/" + SandboxedAccounts.accountId(n) + "/fetch").body();
    }

    private JsonNode awaitAccount(int n, java.util.function.Predicate<JsonNode> condition, String what) {
        return Waits.await(what, MjApi.WAIT).pollInterval(POLL).until(() -> accountJson(n), condition::test);
    }
}
