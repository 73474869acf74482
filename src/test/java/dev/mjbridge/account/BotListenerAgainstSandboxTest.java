package dev.mjbridge.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mjbridge.discord.Backoff;
import dev.mjbridge.discord.BotListenerState;
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
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * An account with a {@code botToken}, built by the {@link AccountConnector} as the pool builds it,
 * against the sandbox: its real JDA bot session is a second stream of the account's channel,
 * through the same parser and sink, each message applied once; messages of other channels are not
 * the account's; the bot session ends with the account and comes back with it.
 */
class BotListenerAgainstSandboxTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN = "listener-test-user-token";
    private static final String BOT_TOKEN = "listener-test-bot-token";
    private static final String USER = "1100000000000000891";
    private static final String BOT = "1100000000000000892";
    private static final String OTHER_USER = "1100000000000000893";
    private static final String GUILD = "1100000000000000811";
    private static final String CHANNEL = "1100000000000000812";
    private static final String OTHER_CHANNEL = "1100000000000000813";
    private static final String MJ = MidjourneyCommands.MIDJOURNEY_APPLICATION_ID;

    private SandboxServer sandbox;
    private DiscordEndpoints endpoints;
    private ScheduledExecutorService scheduler;
    private AccountObservers observers;
    private Account account;
    private final Queue<MjEvent> events = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start(SandboxSettings.forTests().withStrict(true).withAccounts(List.of(
                new SandboxAccount(TOKEN, USER, "listened", GUILD, CHANNEL),
                SandboxAccount.bot(BOT_TOKEN, BOT, "listener", GUILD, CHANNEL),
                // Another channel of the same guild: the bot sees it too.
                new SandboxAccount("listener-test-other-token", OTHER_USER, "neighbour", GUILD, OTHER_CHANNEL))));
        scheduler = Executors.newScheduledThreadPool(2);
        endpoints = new DiscordEndpoints(sandbox.restBaseUrl(), sandbox.gatewayUrl(), "", "", sandbox.restBaseUrl());
        observers = new AccountObservers(new UnplacedMessages(), null, MidjourneyCommands.defaults());
        AccountConnector connector = new AccountConnector(endpoints, JSON, scheduler, new MessageParser(),
                RestRetryPolicy.standard(), new Backoff(Duration.ofMillis(50), Duration.ofMillis(400)), observers);
        AccountConfig config = new AccountConfig("acc-listened", GUILD, CHANNEL, TOKEN, null, true, 3, 10, 5,
                SpeedMode.FAST, EnumSet.allOf(SpeedMode.class), true, EnumSet.allOf(BotType.class), 1, null,
                BOT_TOKEN, null);
        account = connector.connect(config, (a, event) -> events.add(event), false);
        assertThat(account.listener().state()).as("built, not started").isEqualTo(BotListenerState.STOPPED);
        account.start();
        await("account READY").until(() -> account.health().state(), state -> state == AccountState.READY);
        await("listener READY").until(() -> account.listener().state(), state -> state == BotListenerState.READY);
    }

    @AfterEach
    void stop() {
        if (account != null) {
            account.stop();
        }
        scheduler.shutdownNow();
        sandbox.close();
    }

    @Test
    void aJobHeardOnBothStreamsIsAppliedOnceAndOnlyTheAccountsChannelIsForwarded() {
        new JobSender(new InteractionPayloads(MidjourneyCommands.defaults()), endpoints)
                .send(account, new JobRequest.Imagine("a lighthouse heard twice", List.of()), "1329000000000000911",
                        BotType.MID_JOURNEY).join();
        await("the grid").until(() -> events.stream().anyMatch(e -> e instanceof MjEvent.JobFinished));

        // Sent to the bot alone, after everything the job posted: once this marker is counted, the
        // bot's copies of the job's messages were handled before it (one stream is in order).
        // Its twin in another channel of the guild reaches the bot too, but is not the account's.
        sandbox.control().dispatchRaw(BOT, "MESSAGE_CREATE",
                notice("1100000000000009101", OTHER_CHANNEL, "A notice from next door 1"));
        sandbox.control().dispatchRaw(BOT, "MESSAGE_CREATE",
                notice("1100000000000009102", CHANNEL, "A brand new Midjourney notice 2"));
        await("the marker, heard through the bot only").until(() -> observers.unplaced().counts().keySet().stream()
                .anyMatch(shape -> shape.describe().contains("A brand new Midjourney notice")));

        assertThat(observers.unplaced().counts().keySet()).as("the other channel's notice is not the account's")
                .noneMatch(shape -> shape.describe().contains("next door"));
        assertThat(observers.unplaced().counts().values()).containsExactly(1L);
        assertThat(events).filteredOn(e -> e instanceof MjEvent.JobFinished).as("the grid, once").hasSize(1);
        assertThat(events).filteredOn(e -> e instanceof MjEvent.JobStarted).as("the start, once").hasSize(1);
    }

    @Test
    void theBotSessionEndsWithTheAccountAndComesBackWithIt() {
        assertThat(sandbox.control().liveGatewaySessions(BOT)).isEqualTo(1);
        assertThat(account.view().listener().reason()).isEqualTo("listening to channel " + CHANNEL + " as listener");

        account.stop();
        assertThat(account.listener().state()).isEqualTo(BotListenerState.STOPPED);
        await("the bot's session closed").until(() -> sandbox.control().liveGatewaySessions(BOT), n -> n == 0);

        account.start();
        await("listener READY again").until(() -> account.listener().state(), state -> state == BotListenerState.READY);
        assertThat(sandbox.control().liveGatewaySessions(BOT)).isEqualTo(1);
    }

    /**
     * A Midjourney message of a form nobody knows (so the account counts it as unplaced), complete
     * as Discord sends one: JDA reads a message before it raises the raw event, and drops the raw
     * event of one it cannot read.
     */
    private static String notice(String id, String channelId, String content) {
        return """
                {"id": "%s", "channel_id": "%s", "guild_id": "%s", "type": 0, "flags": 0,
                 "content": "%s", "timestamp": "2026-11-29T12:00:00.000000+00:00",
                 "edited_timestamp": null, "tts": false, "mention_everyone": false, "pinned": false,
                 "mentions": [], "mention_roles": [], "attachments": [], "embeds": [], "components": [],
                 "author": {"id": "%s", "username": "Midjourney Bot", "discriminator": "9282", "avatar": null,
                            "global_name": null, "bot": true, "public_flags": 0},
                 "member": {"roles": [], "joined_at": "2024-01-01T00:00:00.000000+00:00", "nick": null,
                            "avatar": null, "premium_since": null, "deaf": false, "mute": false,
                            "pending": false, "flags": 0}}""".formatted(id, channelId, GUILD, content, MJ);
    }

    private static ConditionFactory await(String what) {
        return Waits.await(what, Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20));
    }
}
