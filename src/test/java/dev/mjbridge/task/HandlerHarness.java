package dev.mjbridge.task;

import dev.mjbridge.account.Account;
import dev.mjbridge.account.AccountConfig;
import dev.mjbridge.account.AccountPool;
import dev.mjbridge.account.AccountSelector;
import dev.mjbridge.account.JobSender;
import dev.mjbridge.account.SelectionStrategy;
import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.discord.Backoff;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.discord.UserGatewaySession;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.Button;
import dev.mjbridge.midjourney.Correlation;
import dev.mjbridge.midjourney.InteractionPayloads;
import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.midjourney.MessageParser;
import dev.mjbridge.midjourney.MidjourneyCommands;
import dev.mjbridge.midjourney.MjEvent;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * A task engine without Discord: tasks are put in flight by hand and hand-made {@link MjEvent}s
 * are fed to the {@link TaskEventHandler}, as the account would after parsing a dispatch.
 */
final class HandlerHarness {

    static final String PROMPT = "a small bird pixel-art sprite --ar 1:1";
    static final String USER = "1502242966100639815";
    static final String CDN = "https://cdn.midjourney.example";
    static final DiscordEndpoints ENDPOINTS = new DiscordEndpoints("http://127.0.0.1:1", "ws://127.0.0.1:1", "", "",
            "http://127.0.0.1:1");

    final InFlightIndex index = new InFlightIndex();
    final MemoryTaskStore store = new MemoryTaskStore();
    final TaskWriter writer = new TaskWriter(index, store, new TaskTransitions(), List.of());
    final List<String> released = new ArrayList<>();
    final Account account = account("acc-1");
    final TaskEventHandler handler;

    HandlerHarness() {
        JobRunner runner = new JobRunner(writer, new JobSender(new InteractionPayloads(MidjourneyCommands.defaults()),
                ENDPOINTS));
        AccountPool pool = new AccountPool(List.of(), null, new AccountSelector(SelectionStrategy.BEST_WAIT_IDLE), false);
        handler = new TaskEventHandler(new TaskCorrelator(index), writer, index, runner,
                new SeedRequests(pool, writer, Duration.ofSeconds(1)), ENDPOINTS, new MessageParser(),
                new MidjourneyCdn(CDN), ResultImages.NONE, new dev.mjbridge.account.ModerationRecovery(
                new dev.mjbridge.midjourney.InteractionPayloads(dev.mjbridge.midjourney.MidjourneyCommands.defaults()),
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(), java.time.Clock.systemUTC()));
        writer.onJobOver(task -> released.add(task.id()));
    }

    /** A task sent with nonce-{id}; a button press names the message it pressed (and the image index). */
    Task running(String id, JobKind action, String parentMessageId, int imageIndex) {
        Task task = Task.create(id, action, Long.parseLong(id))
                .withStatus(TaskStatus.SUBMITTED)
                .withPrompt(PROMPT, PROMPT)
                .withProperties(TaskProperties.EMPTY.withNonce("nonce-" + id).withDiscordInstanceId(account.id()))
                .withInternal(TaskInternal.EMPTY.withRuntime(new TaskRuntime(null, null, parentMessageId, imageIndex, null)));
        return writer.create(task);
    }

    void hear(MjEvent event) {
        handler.onEvent(account, event);
    }

    Task task(String id) {
        return store.findById(id).orElseThrow();
    }

    static Correlation keys(String nonce, String interactionId, String messageId, String replyTo, String hash) {
        return new Correlation(nonce, interactionId, messageId, replyTo, hash, PROMPT, USER, "2", "1",
                BotType.MID_JOURNEY);
    }

    static Button button(String customId, String label) {
        return new Button(customId, "", label, 2, 2);
    }

    static MjEvent.JobFinished finished(Correlation keys, JobKind kind, String label, int index, String hash,
                                        String filename, List<Button> buttons) {
        String url = "https://cdn.discordapp.com/attachments/2/" + keys.messageId() + "/" + filename;
        return new MjEvent.JobFinished(keys, kind, label, index, keys.messageId(), hash, url, url, filename, 0, 0,
                buttons, 0, "fast", "**" + PROMPT + "** - <@" + USER + "> (fast)");
    }

    private static Account account(String id) {
        AccountConfig config = new AccountConfig(id, "1", "2", "token-" + id, null, true, 3, 10, 5, SpeedMode.FAST,
                EnumSet.allOf(SpeedMode.class), true, EnumSet.allOf(BotType.class), 1, null, null, null);
        // Never started: the handler asks the account for its id and user only.
        return new Account(config, null, listener -> new UserGatewaySession(id, config.credentials(), ENDPOINTS,
                JsonMapper.builder().build(), null, null, listener, Backoff.standard()),
                new MessageParser(), (a, e) -> { }, false);
    }
}
