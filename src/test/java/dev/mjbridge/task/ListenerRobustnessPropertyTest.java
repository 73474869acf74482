package dev.mjbridge.task;

import dev.mjbridge.midjourney.JobKind;

import dev.mjbridge.testing.RandomJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.mjbridge.account.Account;
import dev.mjbridge.account.AccountConfig;
import dev.mjbridge.account.AccountHealth;
import dev.mjbridge.account.AccountPool;
import dev.mjbridge.account.AccountState;
import dev.mjbridge.account.AccountSelector;
import dev.mjbridge.account.JobSender;
import dev.mjbridge.account.SelectionStrategy;
import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.discord.Backoff;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.discord.DiscordRestClient;
import dev.mjbridge.discord.GatewayListener;
import dev.mjbridge.discord.RestRetryPolicy;
import dev.mjbridge.discord.UserGatewaySession;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.InteractionPayloads;
import dev.mjbridge.midjourney.JobRequest;
import dev.mjbridge.midjourney.MessageParser;
import dev.mjbridge.midjourney.MidjourneyCommands;

/**
 * The listener survives any payload (docs/reliability.md): random JSON and real example
 * messages, mutated (fields removed, wrong types, huge strings), go the way a gateway
 * dispatch goes inside an {@link Account}: {@link MessageParser}, then the task layer's
 * {@link TaskEventHandler} as the account's event sink. Nothing may throw, and no task the
 * payload is not about may change.
 * <p>
 * Every try gets a fresh engine around an in-memory store: one account ("acc-1") hears
 * the payloads; a second one ("acc-2") only owns a task. Nothing here touches a network:
 * the gateway session is never started, so a send fails at once for want of a session.
 */
class ListenerRobustnessPropertyTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> EXAMPLES = List.of(
            "01-waiting.json", "02-progress.json", "03-final-grid.json", "04-upscale.json",
            "05-error.json", "06-job-queued.json");
    private static final List<String> DISPATCHES = List.of(
            "MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "INTERACTION_CREATE", "INTERACTION_SUCCESS",
            "INTERACTION_FAILURE", "INTERACTION_MODAL_CREATE", "INTERACTION_IFRAME_MODAL_CREATE", "READY",
            "RESUMED", "MESSAGE_REACTION_ADD", "");
    private static final List<String> FIELDS = List.of(
            "id", "content", "author", "embeds", "attachments", "components", "nonce", "flags", "interaction",
            "interaction_metadata", "message_reference", "mentions", "custom_id", "title", "description",
            "color", "url", "filename", "name", "type", "label", "iframe_path", "application_id", "reason_code");
    /** Titles that act on the account when they reach a task. */
    private static final List<String> ACCOUNT_TITLES = List.of(
            "Blocked", "Pending mod message", "Subscription required", "Subscription paused", "Plan Cancelled",
            "Credits exhausted", "Action required to continue", "Queue full", "Slow down!", "Tos not accepted",
            "Invalid parameter", "Job queued");
    private static final String HASH_1 = "0b7c2d61-5f5e-4c1e-9c55-0d6c7a1a0001";
    private static final String HASH_2 = "0b7c2d61-5f5e-4c1e-9c55-0d6c7a1a0002";
    private static final String HASH_3 = "0b7c2d61-5f5e-4c1e-9c55-0d6c7a1a0003";
    private static final String HASH_TARGET = "0b7c2d61-5f5e-4c1e-9c55-0d6c7a1a0004";

    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "listener-property-timer");
        thread.setDaemon(true);
        return thread;
    });
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Nothing listens on port 1: a request that slips through fails instead of reaching anything. */
    private static final DiscordEndpoints NOWHERE = new DiscordEndpoints("http://127.0.0.1:1", "ws://127.0.0.1:1",
            "", "", "http://127.0.0.1:1");

    @AfterContainer
    static void stopTimer() {
        SCHEDULER.shutdownNow();
    }

    @Property(tries = 400)
    void randomJsonChangesNothing(@ForAll("dispatches") String dispatch, @ForAll("json") JsonNode payload) {
        Engine engine = new Engine();

        engine.feed(dispatch, payload);

        engine.assertUnrelatedTasksUnchanged(true);
    }

    @Property(tries = 600)
    void mutatedRealMessagesChangeNothingTheyAreNotAbout(@ForAll("dispatches") String dispatch,
                                                        @ForAll("mutatedExamples") JsonNode payload) {
        Engine engine = new Engine();

        engine.feed(dispatch, payload);

        engine.assertUnrelatedTasksUnchanged(true);
    }

    /**
     * Messages aimed at one task of the account (its nonce, interaction id or message id),
     * with titles that act on the whole account: the target and the account may change, a
     * finished task and the other account's task may not.
     */
    @Property(tries = 600)
    void messagesAboutOneTaskLeaveOtherAccountsAndFinishedTasksAlone(@ForAll("messageDispatches") String dispatch,
                                                                     @ForAll("aimedExamples") JsonNode payload) {
        Engine engine = new Engine();

        engine.feed(dispatch, payload);

        engine.assertUnrelatedTasksUnchanged(false);
    }

    // ---- the engine under test ---------------------------------------------------------------

    /** A fresh engine with four tasks in it; only the account "acc-1" hears dispatches. */
    private static final class Engine {

        final InFlightIndex index = new InFlightIndex();
        final MemoryTaskStore store = new MemoryTaskStore();
        final TaskWriter writer = new TaskWriter(index, store, new TaskTransitions(), List.of());
        final MessageParser parser = new MessageParser();
        final TaskEventHandler handler;
        final AtomicReference<GatewayListener> listener = new AtomicReference<>();
        final Account account;
        final AccountHealth healthBefore;
        /** In flight on acc-1; no generated payload names it. */
        final Task quiet;
        /** Finished on acc-1. */
        final Task finished;
        /** In flight on acc-2, with keys of its own. */
        final Task otherAccounts;
        /** In flight on acc-1: "aimed" payloads carry its keys. */
        final Task target;

        Engine() {
            JobRunner runner = new JobRunner(writer, new JobSender(new InteractionPayloads(MidjourneyCommands.defaults()),
                    NOWHERE));
            AccountPool pool = new AccountPool(List.of(), null, new AccountSelector(SelectionStrategy.BEST_WAIT_IDLE),
                    false);
            handler = new TaskEventHandler(new TaskCorrelator(index), writer, index, runner,
                    new SeedRequests(pool, writer, Duration.ofSeconds(1)), NOWHERE, parser,
                    new MidjourneyCdn("http://127.0.0.1:1"), ResultImages.NONE, new dev.mjbridge.account.ModerationRecovery(
                    new InteractionPayloads(MidjourneyCommands.defaults()),
                    java.util.concurrent.Executors.newSingleThreadScheduledExecutor(), java.time.Clock.systemUTC()));
            AccountConfig config = config("acc-1");
            account = new Account(config, new DiscordRestClient("acc-1", config.credentials(), NOWHERE, JSON, HTTP,
                    SCHEDULER, RestRetryPolicy.standard()), l -> {
                        listener.set(l);
                        return new UserGatewaySession("acc-1", config.credentials(), NOWHERE, JSON, SCHEDULER, HTTP, l,
                                Backoff.standard());
                    }, parser, handler, false);
            healthBefore = account.health();
            quiet = inFlight("9100000000000000001", "acc-1", "9200000000000000001", HASH_1, "a quiet unrelated lake");
            otherAccounts = inFlight("9100000000000000002", "acc-2", "9200000000000000002", HASH_2,
                    "a task of another account");
            target = inFlight("9100000000000000004", "acc-1", "9200000000000000004", HASH_TARGET, "the target task");
            Task done = Task.create("9100000000000000003", JobKind.IMAGINE, 1_732_800_000_000L)
                    .withPrompt("a finished task", "a finished task").withStatus(TaskStatus.SUCCESS)
                    .withProgress("100%").withImageUrl("https://cdn.example/done.png")
                    .withProperties(TaskProperties.EMPTY.withNonce("9300000000000000003").withDiscordInstanceId("acc-1")
                            .withMessageId("9200000000000000003").withMessageHash(HASH_3));
            store.save(done);
            finished = done;
        }

        private Task inFlight(String id, String accountId, String messageId, String hash, String prompt) {
            Task task = Task.create(id, JobKind.IMAGINE, 1_732_800_000_000L).withPrompt(prompt, prompt)
                    .withStatus(TaskStatus.IN_PROGRESS).withProgress("31%")
                    .withProperties(TaskProperties.EMPTY.withNonce(nonceOf(id)).withInteractionId(interactionOf(id))
                            .withDiscordInstanceId(accountId).withDiscordChannelId("9400000000000000002")
                            .withMessageId(messageId).withProgressMessageId(messageId).withMessageHash(hash))
                    .withInternal(TaskInternal.EMPTY.withRuntime(new TaskRuntime(new JobRequest.Imagine(prompt, List.of()),
                            Routing.anyAccount(BotType.MID_JOURNEY, dev.mjbridge.account.AccountFilter.NONE, null),
                            null, 0, null)));
            return writer.create(task);
        }

        /** What the gateway session does with a dispatch: hand it to the account's listener. */
        void feed(String dispatch, JsonNode payload) {
            assertThatCode(() -> listener.get().onDispatch(dispatch, payload)).doesNotThrowAnyException();
        }

        /**
         * @param nothingAimed the payload named no task: then no task and not the account may
         *                     change; otherwise the target may, and the account's other in-flight
         *                     task only by failing with the reason the account was disabled for
         */
        void assertUnrelatedTasksUnchanged(boolean nothingAimed) {
            List<Task> untouched = new ArrayList<>(List.of(otherAccounts));
            if (nothingAimed) {
                untouched.add(target);
                untouched.add(quiet);
            } else {
                assertQuietUnlessTheAccountWasDisabled();
            }
            for (Task task : untouched) {
                assertThat(index.findById(task.id())).as("in flight: " + task.prompt()).contains(task);
                assertThat(store.findById(task.id())).as("stored: " + task.prompt()).contains(task);
            }
            assertThat(store.findById(finished.id())).as("finished task").contains(finished);
            if (nothingAimed) {
                assertThat(account.health()).isEqualTo(healthBefore);
            }
        }

        /** An account-level refusal fails the account's in-flight work with its reason; nothing else may. */
        private void assertQuietUnlessTheAccountWasDisabled() {
            Task now = store.findById(quiet.id()).orElseThrow();
            if (now.equals(quiet)) {
                return;
            }
            assertThat(account.health().state()).as("account of a changed task").isEqualTo(AccountState.DISABLED);
            assertThat(now.status()).isEqualTo(TaskStatus.FAILURE);
            assertThat(account.health().reason()).contains(now.failReason());
        }
    }

    static String nonceOf(String taskId) {
        return "93" + taskId.substring(2);
    }

    static String interactionOf(String taskId) {
        return "95" + taskId.substring(2);
    }

    private static AccountConfig config(String id) {
        return new AccountConfig(id, "9400000000000000001", "9400000000000000002", "property-token", null, true, 3, 10,
                5, SpeedMode.FAST, EnumSet.allOf(SpeedMode.class), true, EnumSet.allOf(BotType.class), 1, null, null,
                null);
    }

    // ---- payloads ------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> dispatches() {
        return Arbitraries.oneOf(Arbitraries.of(DISPATCHES), Arbitraries.strings().ofMaxLength(20));
    }

    /** Mostly the dispatches bot messages come in, so that aimed payloads reach their task. */
    @Provide
    Arbitrary<String> messageDispatches() {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("MESSAGE_CREATE")),
                Tuple.of(3, Arbitraries.just("MESSAGE_UPDATE")), Tuple.of(2, Arbitraries.of(DISPATCHES)));
    }

    @Provide
    Arbitrary<JsonNode> json() {
        return node(4);
    }

    @Provide
    Arbitrary<JsonNode> mutatedExamples() {
        return mutated(1, 5);
    }

    private Arbitrary<JsonNode> mutated(int minMutations, int maxMutations) {
        Arbitrary<JsonNode> example = Arbitraries.of(EXAMPLES).map(ListenerRobustnessPropertyTest::resource);
        return Combinators.combine(example, mutation().list().ofMinSize(minMutations).ofMaxSize(maxMutations))
                .as((message, mutations) -> {
                    JsonNode copy = message.deepCopy();
                    mutations.forEach(m -> m.apply(copy));
                    return copy;
                });
    }

    /** A mutated example that names the target task by one of its keys, some with account-level titles. */
    @Provide
    Arbitrary<JsonNode> aimedExamples() {
        String targetId = "9100000000000000004";
        // Fewer mutations than above, so that many of these still reach the target and act on it.
        return Combinators.combine(mutated(0, 2), Arbitraries.integers().between(0, 3),
                        Arbitraries.of(ACCOUNT_TITLES), Arbitraries.of(true, false))
                .as((payload, key, title, retitle) -> {
                    if (!(payload instanceof ObjectNode message)) {
                        return payload;
                    }
                    switch (key) {
                        case 0 -> message.put("nonce", nonceOf(targetId));
                        case 1 -> message.putObject("interaction_metadata").put("id", interactionOf(targetId));
                        case 2 -> message.put("id", "9200000000000000004");
                        default -> message.put("custom_id", "MJ::JOB::upsample::1::" + HASH_TARGET);
                    }
                    if (retitle && message.path("embeds").path(0) instanceof ObjectNode embed) {
                        embed.put("title", title);
                    }
                    return message;
                });
    }

    /** One change at one place of a message: removed, replaced by a random value or a huge string, emptied. */
    private record Mutation(int kind, int place, JsonNode value, String huge) {

        void apply(JsonNode root) {
            List<Slot> slots = new ArrayList<>();
            collect(root, slots);
            if (slots.isEmpty()) {
                return;
            }
            Slot slot = slots.get(Math.floorMod(place, slots.size()));
            JsonNode replacement = switch (kind) {
                case 0 -> null;
                case 1 -> value;
                case 2 -> NODES.stringNode(huge);
                case 3 -> slot.current().isArray() ? NODES.objectNode() : NODES.arrayNode();
                default -> slot.current().isString() ? NODES.numberNode(-1) : NODES.stringNode("wrong type");
            };
            slot.set(replacement);
        }

        private static void collect(JsonNode node, List<Slot> slots) {
            if (node instanceof ObjectNode object) {
                for (String name : object.propertyNames()) {
                    slots.add(new Slot(object, name, -1));
                    collect(object.get(name), slots);
                }
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    slots.add(new Slot(array, null, i));
                    collect(array.get(i), slots);
                }
            }
        }
    }

    private record Slot(JsonNode parent, String name, int position) {

        JsonNode current() {
            return name != null ? parent.get(name) : parent.get(position);
        }

        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                if (value == null) {
                    object.remove(name);
                } else {
                    object.set(name, value);
                }
            } else if (parent instanceof ArrayNode array) {
                if (value == null) {
                    array.remove(position);
                } else {
                    array.set(position, value);
                }
            }
        }
    }

    private Arbitrary<Mutation> mutation() {
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 500),
                node(2), huge()).as(Mutation::new);
    }

    /** Long strings built from the pieces parsers look for, so any regex sees its worst case. */
    private Arbitrary<String> huge() {
        return Combinators.combine(Arbitraries.of("**", "a - <@1> (", "(31%) ", "MJ::JOB::", "1️⃣ ", "\n", "x",
                        "_grid_0.webp ", "<https://s.mj.run/a> "),
                Arbitraries.integers().between(1_000, 200_000)).as((piece, length) -> piece.repeat(length / piece.length() + 1));
    }

    private Arbitrary<JsonNode> node(int depth) {
        return RandomJson.tree(depth, FIELDS, scalar());
    }

    private Arbitrary<JsonNode> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of("936929561302675456", "1022952195194359889", "MJ::JOB::upsample::1::x",
                        "**p** - <@1> (50%) (fast)", "a_3b2a1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d.png", "/captcha/x",
                        "MJ::iframe::abc", "MJ::RemixModal::x::1::0", "", " ").map(NODES::stringNode),
                Arbitraries.strings().ofMaxLength(40).map(NODES::stringNode));
    }

    static JsonNode resource(String name) {
        try (InputStream in = ListenerRobustnessPropertyTest.class.getResourceAsStream("/discord/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
