package dev.mjbridge.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mjbridge.cli.ParseMessageCommand;
import dev.mjbridge.discord.Backoff;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.discord.RestRetryPolicy;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.InteractionPayloads;
import dev.mjbridge.midjourney.JobRequest;
import dev.mjbridge.midjourney.MessageParser;
import dev.mjbridge.midjourney.MidjourneyCommands;
import dev.mjbridge.midjourney.MjEvent;
import dev.mjbridge.midjourney.UnplacedMessages;
import dev.mjbridge.sandbox.SandboxAccount;
import dev.mjbridge.sandbox.SandboxServer;
import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.testing.Waits;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An account's real gateway session against the sandbox with {@code mj.discord.capture-dir} on: a
 * whole imagine is captured, with the bot's messages, deletions in the account's channel and modals,
 * and nothing else (no READY, no other author, no other channel, no token); parse-message reads
 * the file back into the same job. Unplaced bot messages are counted through the same listener.
 */
class CaptureAgainstSandboxTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN = "capture-test-token.very-secret";
    private static final String USER = "1100000000000000881";
    private static final String GUILD = "1100000000000000801";
    private static final String CHANNEL = "1100000000000000802";
    private static final String MJ = MidjourneyCommands.MIDJOURNEY_APPLICATION_ID;

    @TempDir
    Path dir;

    private SandboxServer sandbox;
    private DiscordEndpoints endpoints;
    private ScheduledExecutorService scheduler;
    private AccountObservers observers;
    private Account account;
    private final Queue<MjEvent> events = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start(SandboxSettings.forTests().withAccounts(List.of(
                new SandboxAccount(TOKEN, USER, "capturer", GUILD, CHANNEL))));
        scheduler = Executors.newScheduledThreadPool(2);
        endpoints = new DiscordEndpoints(sandbox.restBaseUrl(), sandbox.gatewayUrl(), "", "",
                sandbox.restBaseUrl());
        observers = new AccountObservers(new UnplacedMessages(),
                new CaptureWriter(dir, Clock.systemUTC(), JSON, Set.of(TOKEN)), MidjourneyCommands.defaults());
        AccountConnector connector = new AccountConnector(endpoints, JSON, scheduler, new MessageParser(),
                RestRetryPolicy.standard(), new Backoff(Duration.ofMillis(50), Duration.ofMillis(400)), observers);
        AccountConfig config = new AccountConfig("acc-capture", GUILD, CHANNEL, TOKEN, null, true, 3, 10, 5,
                SpeedMode.FAST, EnumSet.allOf(SpeedMode.class), true, EnumSet.allOf(BotType.class), 1, null, null, null);
        account = connector.connect(config, (a, event) -> events.add(event), true);
        account.start();
        await("account READY").until(() -> account.health().state(), state -> state == AccountState.READY);
    }

    @AfterEach
    void stop() {
        if (account != null) {
            account.stop();
        }
        observers.close();
        scheduler.shutdownNow();
        sandbox.close();
    }

    @Test
    void aWholeImagineIsCapturedAndReadsBackAsTheSameJob() throws Exception {
        new JobSender(new InteractionPayloads(MidjourneyCommands.defaults()), endpoints)
                .send(account, new JobRequest.Imagine("a lighthouse at dusk", List.of()), "1329000000000000901",
                        BotType.MID_JOURNEY).join();
        await("the grid").untilAsserted(() -> assertThat(events).as("events so far")
                .anyMatch(e -> e instanceof MjEvent.JobFinished));
        // What the account must capture besides the job, and what it must leave out.
        sandbox.control().dispatchRaw(USER, "MESSAGE_DELETE",
                "{\"id\":\"1100000000000009001\",\"channel_id\":\"" + CHANNEL + "\",\"guild_id\":\"" + GUILD + "\"}");
        sandbox.control().dispatchRaw(USER, "MESSAGE_DELETE",
                "{\"id\":\"1100000000000009002\",\"channel_id\":\"1100000000000000999\"}");
        sandbox.control().dispatchRaw(USER, "MESSAGE_CREATE", "{\"id\":\"1100000000000009003\",\"channel_id\":\""
                + CHANNEL + "\",\"author\":{\"id\":\"" + USER + "\"},\"content\":\"hello from a person\"}");
        sandbox.control().dispatchRaw(USER, "INTERACTION_MODAL_CREATE", "{\"id\":\"1100000000000009004\","
                + "\"nonce\":\"77\",\"channel_id\":\"" + CHANNEL + "\",\"custom_id\":\"MJ::ImagineModal::1\","
                + "\"title\":\"Remix\",\"application\":{\"id\":\"" + MJ + "\"},\"components\":[]}");
        sandbox.control().dispatchRaw(USER, "MESSAGE_CREATE", "{\"id\":\"1100000000000009005\",\"channel_id\":\""
                + CHANNEL + "\",\"author\":{\"id\":\"" + MJ + "\"},\"content\":\"A brand new Midjourney notice 42\"}");
        await("the modal and the unplaced notice").untilAsserted(() -> {
            assertThat(events).as("events so far").anyMatch(e -> e instanceof MjEvent.ModalOpened);
            assertThat(observers.unplaced().counts()).as("unplaced message shapes").hasSize(1);
        });
        assertThat(observers.capture().awaitIdle(5_000)).as("the capture writer idle within 5 s").isTrue();

        String text = CaptureFiles.allLines(dir);
        Path file = Files.writeString(dir.resolve("all.jsonl"), text);
        assertThat(text).doesNotContain(TOKEN).doesNotContain("hello from a person").doesNotContain("1100000000000009002");
        List<JsonNode> lines = text.lines().map(line -> (JsonNode) JSON.readTree(line)).toList();
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.path("account").asString()).isEqualTo("acc-capture");
            assertThat(line.path("received").asString()).isNotBlank();
            assertThat(line.path("t").asString()).isIn("MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE",
                    "INTERACTION_MODAL_CREATE", "INTERACTION_IFRAME_MODAL_CREATE");
        });
        assertThat(lines).filteredOn(line -> line.path("t").asString().startsWith("MESSAGE_C")
                        || line.path("t").asString().equals("MESSAGE_UPDATE"))
                .allSatisfy(line -> assertThat(line.path("d").path("author").path("id").asString()).isEqualTo(MJ));
        assertThat(lines).extracting(line -> line.path("t").asString())
                .contains("MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "INTERACTION_MODAL_CREATE");
        assertThat(lines).anySatisfy(line -> assertThat(line.path("d").path("id").asString())
                .isEqualTo("1100000000000009001"));

        // parse-message reads the capture file back, one result per line, and explains the unknown notice.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ParseMessageCommand.run(new String[] {file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isZero();
        List<JsonNode> results = out.toString(StandardCharsets.UTF_8).lines()
                .map(line -> (JsonNode) JSON.readTree(line)).toList();
        assertThat(results).hasSameSizeAs(lines);
        assertThat(results).extracting(r -> r.path("event").asString())
                .contains("JobStarted", "JobProgress", "JobFinished", "ProgressDeleted", "ModalOpened");
        assertThat(results).filteredOn(r -> r.path("event").asString().equals("JobFinished")).first()
                .satisfies(r -> assertThat(r.path("prompt").asString()).contains("a lighthouse at dusk"));
        assertThat(results).filteredOn(r -> r.path("outcome").asString().equals("unplaced")).singleElement()
                .satisfies(r -> assertThat(r.path("shape").asString()).contains("A brand new Midjourney notice N"));
    }

    private static ConditionFactory await(String what) {
        return Waits.await(what, Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20));
    }
}
