package dev.mjbridge.sandbox.gateway;

import dev.mjbridge.sandbox.world.SandboxUser;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A gateway session: survives its connection so that RESUME can replay what the
 * client missed. Sequence numbers and the replay buffer are guarded by the session
 * lock, so frames leave in {@code s} order.
 */
final class GatewaySession {

    /** Intent bit that lets a bot session see guild messages. */
    static final int GUILD_MESSAGES = 1 << 9;
    static final int DIRECT_MESSAGES = 1 << 12;

    private final String id;
    private final SandboxUser user;
    private final int intents;
    private final int replayBufferSize;
    private final Deque<SequencedFrame> sent = new ArrayDeque<>();
    private int seq;
    private GatewayConnection connection;
    private Instant disconnectedSince = Instant.now();

    record SequencedFrame(int seq, String json) {
    }

    GatewaySession(String id, SandboxUser user, int intents, int replayBufferSize) {
        this.id = id;
        this.user = user;
        this.intents = intents;
        this.replayBufferSize = replayBufferSize;
    }

    String id() {
        return id;
    }

    SandboxUser user() {
        return user;
    }

    boolean wants(int intent) {
        return !user.bot() || (intents & intent) != 0;
    }

    /** Numbers the dispatch, keeps it for resume, and sends it when a live connection carries us. */
    synchronized void dispatch(String type, String dataJson) {
        seq++;
        String frame = "{\"op\":0,\"t\":\"" + type + "\",\"s\":" + seq + ",\"d\":" + dataJson + "}";
        sent.addLast(new SequencedFrame(seq, frame));
        while (sent.size() > replayBufferSize) {
            sent.removeFirst();
        }
        GatewayConnection target = connection;
        if (target != null && target.isOpen() && !target.stalled()) {
            target.send(frame);
        }
    }

    synchronized int seq() {
        return seq;
    }

    synchronized Optional<GatewayConnection> connection() {
        return Optional.ofNullable(connection);
    }

    synchronized void bind(GatewayConnection value) {
        connection = value;
        disconnectedSince = null;
    }

    synchronized void unbind(GatewayConnection value) {
        if (connection == value) {
            connection = null;
            disconnectedSince = Instant.now();
        }
    }

    synchronized Optional<Instant> disconnectedSince() {
        return Optional.ofNullable(disconnectedSince);
    }

    /**
     * Frames after {@code lastSeq}, or empty when the buffer no longer reaches back
     * that far (the client must then identify anew).
     */
    synchronized Optional<List<SequencedFrame>> framesAfter(int lastSeq) {
        if (lastSeq > seq || lastSeq < 0) {
            return Optional.empty();
        }
        if (lastSeq < seq && (sent.isEmpty() || sent.peekFirst().seq() > lastSeq + 1)) {
            return Optional.empty();
        }
        return Optional.of(sent.stream().filter(f -> f.seq() > lastSeq).toList());
    }

    /**
     * Resumes onto a new connection: replays the missed frames, then RESUMED, atomically;
     * {@code accepted} runs first, once the resume is known to succeed.
     */
    synchronized boolean resumeOn(GatewayConnection target, int lastSeq, Runnable accepted) {
        Optional<List<SequencedFrame>> missed = framesAfter(lastSeq);
        if (missed.isEmpty()) {
            return false;
        }
        accepted.run();
        GatewayConnection previous = connection;
        connection = target;
        disconnectedSince = null;
        if (previous != null && previous != target) {
            previous.close(GatewayCloseCodes.UNKNOWN_ERROR, "Session resumed elsewhere");
        }
        missed.get().forEach(frame -> target.send(frame.json()));
        dispatch("RESUMED", "{}");
        return true;
    }
}
