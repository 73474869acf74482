package dev.mjbridge.account;

import dev.mjbridge.discord.BotListenerSession;
import dev.mjbridge.discord.BotListenerStatus;
import dev.mjbridge.discord.DiscordRestClient;
import dev.mjbridge.discord.GatewayListener;
import dev.mjbridge.discord.GatewayState;
import dev.mjbridge.discord.UserGatewaySession;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.InteractionContext;
import dev.mjbridge.midjourney.MessageParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One account of the pool at run time: its standing ({@link AccountStanding}: settings, health
 * and why), gateway session, optional bot listener, REST client, slots, pacing and sync. Each
 * change of standing is applied there and followed here by what it means for the sessions. Its
 * gateway events go through {@link AccountDispatches} to the {@link AccountEventSink}.
 */
public final class Account {

    private static final Logger log = LoggerFactory.getLogger(Account.class);

    /** Its settings now and as the file gives them, health, relax-only, a timed block, leaving. */
    private final AccountStanding standing;
    private final UserGatewaySession gateway;
    private final DiscordRestClient rest;
    private final AccountSlots slots;
    private final Pacing pacing;
    private final boolean sandbox;
    /** Work that needs a live session, waiting for the next READY. */
    private final java.util.Queue<Runnable> waitingForSession = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AccountEventSink sink;
    /** Learned from Midjourney (a remix modal opened, or settings): null while unknown. */
    private volatile Boolean remix;
    /** Where both streams' dispatches go: the user session's and the bot listener's. */
    private final AccountDispatches dispatches;
    /** The second stream, when the account has a {@code botToken}; null otherwise. */
    private volatile BotListenerSession bot;
    /** Its /info and /settings, its fast time, and its own commands in flight (not tasks). */
    private final AccountSync sync = new AccountSync();

    /**
     * @param connect builds the gateway session for this account around the listener it is given
     */
    public Account(AccountConfig config, DiscordRestClient rest, Function<GatewayListener, UserGatewaySession> connect,
                   MessageParser parser, AccountEventSink sink, boolean sandbox) {
        this(config, rest, connect, parser, sink, sandbox, AccountObservers.countingOnly());
    }

    /**
     * @param observers where bot messages the parser cannot place are counted, and Midjourney's
     *                  dispatches captured when that is on
     */
    public Account(AccountConfig config, DiscordRestClient rest, Function<GatewayListener, UserGatewaySession> connect,
                   MessageParser parser, AccountEventSink sink, boolean sandbox, AccountObservers observers) {
        this(config, rest, connect, parser, sink, sandbox, observers, Pacing.systemClock(config.pacing()));
    }

    /** @param pacing the account's pacing, built from {@code config.pacing()} (tests give it their own clock) */
    public Account(AccountConfig config, DiscordRestClient rest, Function<GatewayListener, UserGatewaySession> connect,
                   MessageParser parser, AccountEventSink sink, boolean sandbox, AccountObservers observers,
                   Pacing pacing) {
        this.pacing = pacing;
        this.standing = new AccountStanding(config);
        this.rest = rest;
        this.sandbox = sandbox;
        this.slots = new AccountSlots(config.concurrency(), config.queueSize());
        this.sink = sink;
        this.dispatches = new AccountDispatches(this, parser, sink, observers, sync);
        this.gateway = connect.apply(new GatewayListener() {
            @Override
            public void onDispatch(String type, JsonNode data) {
                dispatches.onDispatch(type, data);
            }

            @Override
            public void onStateChange(GatewayState state, String reason) {
                onGatewayState(state, reason);
            }

            @Override
            public void onSessionReplaced() {
                sink.onSessionReplaced(Account.this);
            }
        });
    }

    public String id() {
        return standing.config().id();
    }

    /** The settings it runs with now: the accounts file's, unless disabled or narrowed to relax since. */
    public AccountConfig config() {
        return standing.config();
    }

    public DiscordRestClient rest() {
        return rest;
    }

    public AccountSlots slots() {
        return slots;
    }

    public Pacing pacing() {
        return pacing;
    }

    public AccountHealth health() {
        return standing.health();
    }

    public Optional<String> userId() {
        return gateway.userId();
    }

    public AccountSync sync() {
        return sync;
    }

    public Optional<Boolean> remix() {
        return Optional.ofNullable(remix);
    }

    public void learnRemix(boolean value) {
        remix = value;
    }

    public boolean takesWork() {
        return standing.takesWork();
    }

    /** True once the account is on its way out of the pool ({@link #retire}). */
    public boolean leaving() {
        return standing.leaving();
    }

    /**
     * Out of rotation until someone acts (an operator, Midjourney's moderation, a bad token),
     * as opposed to not taking new work for a moment while its session reconnects.
     */
    public boolean disabled() {
        return standing.disabled();
    }

    /**
     * Context for an interaction sent from this account, as soon as its gateway session is
     * up: a session replaced after op 9 has no id for a few seconds, and work started then
     * waits for the new one (at most {@code wait}) rather than failing.
     */
    public CompletableFuture<InteractionContext> interactionContext(String nonce, BotType botType, Duration wait) {
        AccountConfig config = config();
        return gateway.sessionIdWithin(wait).thenApply(session ->
                new InteractionContext(config.guildId(), config.channelId(), session, nonce, botType));
    }

    /**
     * Gives the account its bot listener (before {@link #start()}): a second stream of the channel's
     * message events, built around the same dispatch path as the user session's.
     */
    public void listenAlsoThrough(Function<GatewayListener, BotListenerSession> connectBot) {
        bot = connectBot.apply(dispatches::onDispatch);
    }

    /** The bot listener's state and reason; {@code NONE} without a {@code botToken}. */
    public BotListenerStatus listener() {
        BotListenerSession b = bot;
        return b == null ? BotListenerStatus.none() : b.status();
    }

    /** Connects (again, after {@link #stop()}: the application context may be stopped and restarted). */
    public void start() {
        if (config().enabled()) {
            standing.connecting();
            gateway.start();
            startBot();
        }
    }

    public void stop() {
        gateway.stop();
        stopBot();
    }

    private void startBot() {
        BotListenerSession b = bot;
        if (b != null) {
            b.start();
        }
    }

    private void stopBot() {
        BotListenerSession b = bot;
        if (b != null) {
            b.stop();
        }
    }

    /**
     * An operator closes the session and opens it again (it resumes when Discord lets it, so
     * what was missed is replayed). A disabled account stays disabled, with its session back up.
     */
    public void reconnect() {
        // Asked before the stop, which marks the account stopped.
        boolean working = !disabled() && !leaving();
        gateway.stop();
        if (working) {
            start();
        } else {
            gateway.start();
        }
        log.info("account {}: reconnected by an operator", id());
    }

    /** Takes the account out of selection with a reason; its session stays up unless {@code disconnect}. */
    public void disable(String reason, boolean disconnect) {
        standing.disable(reason);
        if (disconnect) {
            gateway.stop();
            stopBot();
        }
    }

    /**
     * accounts.yml changed only how this account's work is scheduled: the new values apply now,
     * the session stays. Switched off there, it takes no new work (what runs carries on); switched
     * back on, it reconnects if needed as after an operator's re-enable. Relax-only (fast hours
     * used up) and a disable by Midjourney or an operator stay until someone re-enables it.
     */
    public void retune(AccountConfig next) {
        slots.resize(next.concurrency(), next.queueSize());
        pacing.retune(next.pacing());
        if (standing.retune(next) == AccountStanding.Retuned.ENABLED) {
            connectAgain("re-enabled in the accounts file");
        }
    }

    /**
     * The account leaves the pool: no new work from now on; its session stays up until its running
     * tasks have ended, then {@link #stop()} closes it.
     */
    public void retire(String reason) {
        standing.retire(reason);
    }

    /** Disabled until a known time (a timed block); {@link ModerationRecovery} re-enables it then. */
    public void disableUntil(String reason, java.time.Instant until) {
        standing.disableUntil(reason, until);
    }

    /** When the timed block the account is disabled for ends, if it is disabled for one. */
    public Optional<Long> disabledUntil() {
        return standing.disabledUntil();
    }

    /** Out of fast hours: the account keeps working, in relax mode only. */
    public void switchToRelax(String reason) {
        standing.switchToRelax(reason);
    }

    /**
     * A sync showed fast time again: the account goes back to its configured modes after
     * {@link #switchToRelax}, and out of {@code DEGRADED} if it was there for that or for
     * {@code heldReason} (fast work held). False when it was in neither state.
     */
    public boolean restoreFast(String heldReason) {
        return standing.restoreFast(heldReason);
    }

    /** Marks the account limited but working (e.g. relax only). */
    public void degrade(String reason) {
        standing.degrade(reason);
    }

    /** An operator re-enables the account: it reconnects and takes work again. */
    public void enable() {
        enable("re-enabled by an operator");
    }

    /** Re-enables the account for {@code why} (an operator, or the end of a moderation block). */
    public void enable(String why) {
        standing.enable(why);
        connectAgain(why);
    }

    private void connectAgain(String why) {
        gateway.start();
        startBot();
        // A session that stayed up while the account was disabled sends no new READY.
        if (gateway.state() == GatewayState.READY) {
            standing.enabledOnLiveSession(why);
        }
    }

    /**
     * Runs {@code action} once the account has a gateway session (now, if it has one):
     * work accepted while the account was still connecting, or recovered after a restart.
     */
    public void whenConnected(Runnable action) {
        if (gateway.sessionId().isPresent() && gateway.state() == GatewayState.READY) {
            action.run();
            return;
        }
        waitingForSession.add(action);
        if (gateway.sessionId().isPresent() && gateway.state() == GatewayState.READY) {
            drainWaiting();
        }
    }

    private void drainWaiting() {
        Runnable next;
        while ((next = waitingForSession.poll()) != null) {
            next.run();
        }
    }

    private void onGatewayState(GatewayState state, String reason) {
        if (!standing.sessionState(state, reason)) {
            return;
        }
        if (state == GatewayState.READY) {
            if ("identified".equals(reason)) {
                sync.sessionStarted();
                sink.onConnected(this);
            }
            drainWaiting();
        } else if (state == GatewayState.FAILED) {
            // No session will come (bad token): the waiting work runs now and fails with the
            // gateway's reason; left waiting, it would stay NOT_START forever (queued tasks are not timed).
            drainWaiting();
        }
    }

    public AccountView view() {
        AccountConfig c = config();
        AccountHealth h = health();
        return new AccountView(c.id(), c.guildId(), c.channelId(), c.enabled(), h.state(), h.reason(),
                h.since().toEpochMilli(), c.mode(), c.allowModes(), c.botTypes(), c.concurrency(), c.queueSize(),
                slots.running(), slots.queued(), c.weight(), c.remark(), c.remixAutoSubmit(), remix, sandbox,
                pacing.usage(), standing.disabledUntil().orElse(null), listener(), sync.view());
    }
}
