package dev.mjbridge.sandbox.gateway;

import dev.mjbridge.sandbox.world.Channel;
import dev.mjbridge.sandbox.world.SandboxUser;
import dev.mjbridge.sandbox.world.World;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Who is connected and how dispatches reach them. Everything that wants to tell a
 * client something (the bot, REST handlers, replayed scenarios) goes through here;
 * the dispatch faults apply on this path.
 */
public final class GatewayHub {

    private static final Duration REORDER_HOLD = Duration.ofMillis(500);
    private static final Duration FORGET_DISCONNECTED_AFTER = Duration.ofMinutes(5);

    private final World world;
    private final ObjectMapper json;
    private final ScheduledExecutorService scheduler;
    private final DispatchFaults faults = new DispatchFaults();
    private final GatewayCounters counters = new GatewayCounters();
    private final HeartbeatLog heartbeats = new HeartbeatLog();
    private final Map<String, GatewaySession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Set<GatewaySession>> sessionsByUser = new ConcurrentHashMap<>();
    private final Map<String, Held> heldForReorder = new ConcurrentHashMap<>();

    private record Held(String type, String json) {
    }

    public GatewayHub(World world, ObjectMapper json, ScheduledExecutorService scheduler) {
        this.world = world;
        this.json = json;
        this.scheduler = scheduler;
        scheduler.scheduleWithFixedDelay(this::forgetAbandonedSessions, 30, 30, TimeUnit.SECONDS);
        // A guild that open mode adopted after READY arrives as Discord announces a joined guild.
        ReadyPayloads payloads = new ReadyPayloads(world);
        world.onGuildJoined((user, guild) -> dispatchToUser(user.id(), "GUILD_CREATE", payloads.guildCreate(guild)));
    }

    public DispatchFaults faults() {
        return faults;
    }

    public GatewayCounters counters() {
        return counters;
    }

    /** When each connection's heartbeats arrived, against the interval its HELLO announced. */
    public HeartbeatLog heartbeats() {
        return heartbeats;
    }

    // ---- dispatching -------------------------------------------------------------

    /** To every session of the user. */
    public void dispatchToUser(String userId, String type, JsonNode data) {
        String payload = json.writeValueAsString(data);
        sessionsOf(userId).forEach(session -> deliver(session, type, payload));
    }

    /**
     * To the session named by an interaction's {@code session_id}; to all of the user's
     * sessions when that session is unknown (as Discord does for a stale id).
     */
    public void dispatchToSession(String sessionId, String userId, String type, JsonNode data) {
        GatewaySession session = sessionId == null ? null : sessions.get(sessionId);
        if (session != null && session.user().id().equals(userId)) {
            deliver(session, type, json.writeValueAsString(data));
        } else {
            dispatchToUser(userId, type, data);
        }
    }

    /** To everyone who can see the channel: guild members' sessions and bots with the intent. */
    public void dispatchToChannel(Channel channel, String type, JsonNode data) {
        String payload = json.writeValueAsString(data);
        if (channel.isDm()) {
            sessionsOf(channel.recipientId()).forEach(session -> deliver(session, type, payload));
            return;
        }
        world.guild(channel.guildId()).ifPresent(guild -> guild.memberIds().forEach(memberId ->
                sessionsOf(memberId).stream()
                        .filter(session -> session.wants(GatewaySession.GUILD_MESSAGES))
                        .forEach(session -> deliver(session, type, payload))));
    }

    private void deliver(GatewaySession session, String type, String payload) {
        long delay = faults.delayMillis();
        if (delay > 0) {
            scheduler.schedule(() -> deliverNow(session, type, payload), delay, TimeUnit.MILLISECONDS);
        } else {
            deliverNow(session, type, payload);
        }
    }

    private void deliverNow(GatewaySession session, String type, String payload) {
        if (faults.takeReorder() && heldForReorder.putIfAbsent(session.id(), new Held(type, payload)) == null) {
            // Held back until the next dispatch to this session has gone out, so the two swap.
            scheduler.schedule(() -> releaseHeld(session), REORDER_HOLD.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        session.dispatch(type, payload);
        if (faults.takeDuplicate()) {
            session.dispatch(type, payload);
        }
        releaseHeld(session);
    }

    private void releaseHeld(GatewaySession session) {
        Held held = heldForReorder.remove(session.id());
        if (held != null) {
            session.dispatch(held.type(), held.json());
        }
    }

    // ---- session bookkeeping ---------------------------------------------------

    GatewaySession newSession(SandboxUser user, int intents, int replayBufferSize) {
        GatewaySession session = new GatewaySession(world.snowflakes().next() + "s", user, intents, replayBufferSize);
        sessions.put(session.id(), session);
        sessionsByUser.computeIfAbsent(user.id(), id -> ConcurrentHashMap.newKeySet()).add(session);
        return session;
    }

    GatewaySession session(String id) {
        return id == null ? null : sessions.get(id);
    }

    void forget(GatewaySession session) {
        sessions.remove(session.id());
        Set<GatewaySession> ofUser = sessionsByUser.get(session.user().id());
        if (ofUser != null) {
            ofUser.remove(session);
        }
        session.connection().ifPresent(c -> session.unbind(c));
    }

    private Collection<GatewaySession> sessionsOf(String userId) {
        Set<GatewaySession> found = sessionsByUser.get(userId);
        return found == null ? List.of() : List.copyOf(found);
    }

    private void forgetAbandonedSessions() {
        Instant cutoff = Instant.now().minus(FORGET_DISCONNECTED_AFTER);
        sessions.values().stream()
                .filter(s -> s.disconnectedSince().map(since -> since.isBefore(cutoff)).orElse(false))
                .forEach(this::forget);
    }

    /** Live connections of a user, or of everyone when {@code userId} is null. */
    List<GatewayConnection> connectionsOf(String userId) {
        Collection<GatewaySession> targets = userId == null ? sessions.values() : sessionsOf(userId);
        return targets.stream().flatMap(s -> s.connection().stream()).filter(GatewayConnection::isOpen).toList();
    }

    /** Number of sessions with a live connection (for tests and the control API). */
    public int liveSessions(String userId) {
        return connectionsOf(userId).size();
    }

    // ---- faults ------------------------------------------------------------------

    /** Breaks the connections as a network failure would; the sessions stay resumable. */
    public void drop(String userId) {
        connectionsOf(userId).forEach(c -> c.close(1011, "Connection dropped by sandbox"));
    }

    /** Keeps the connections open but silent: no heartbeat ACKs, no dispatches. */
    public void stall(String userId) {
        connectionsOf(userId).forEach(GatewayConnection::stall);
    }

    /** op 7: the client should reconnect and resume. */
    public void requestReconnect(String userId) {
        connectionsOf(userId).forEach(c -> {
            c.send("{\"op\":7,\"d\":null}");
            // Discord closes the socket itself shortly after op 7 if the client does not.
            scheduler.schedule(() -> c.close(GatewayCloseCodes.UNKNOWN_ERROR, "Reconnect requested"), 2, TimeUnit.SECONDS);
        });
    }

    /** op 9: a non-resumable session is gone and the client must identify again. */
    public void invalidateSession(String userId, boolean resumable) {
        connectionsOf(userId).forEach(c -> {
            c.send("{\"op\":9,\"d\":" + resumable + "}");
            GatewaySession session = c.session();
            if (!resumable && session != null) {
                forget(session);
                c.attach(null);
            }
        });
    }

    public void close(String userId, int code) {
        connectionsOf(userId).forEach(c -> {
            if (code == GatewayCloseCodes.AUTHENTICATION_FAILED || code == GatewayCloseCodes.INVALID_SEQ
                    || code == GatewayCloseCodes.SESSION_TIMED_OUT) {
                GatewaySession session = c.session();
                if (session != null) {
                    forget(session);
                }
            }
            c.close(code, "Closed by sandbox");
        });
    }
}
