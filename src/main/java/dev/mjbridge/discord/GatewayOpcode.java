package dev.mjbridge.discord;

import java.util.Optional;

/** Discord gateway opcodes (the {@code op} of every frame), as Discord's gateway documentation numbers them. */
public enum GatewayOpcode {
    /** An event ({@code t} names it, {@code s} is its sequence number). Received. */
    DISPATCH(0),
    /** Keep-alive carrying the last sequence number. Sent, and received when Discord asks for one at once. */
    HEARTBEAT(1),
    /** Starts a new session with the token. Sent. */
    IDENTIFY(2),
    PRESENCE_UPDATE(3),
    VOICE_STATE_UPDATE(4),
    /** Continues a session after a reconnect, replaying what was missed. Sent. */
    RESUME(6),
    /** Discord asks us to reconnect and resume. Received. */
    RECONNECT(7),
    REQUEST_GUILD_MEMBERS(8),
    /** The session is invalid; {@code d} says whether it can be resumed. Received. */
    INVALID_SESSION(9),
    /** First frame after connecting, with the heartbeat interval. Received. */
    HELLO(10),
    /** Discord received our heartbeat. Received. */
    HEARTBEAT_ACK(11);

    private final int code;

    GatewayOpcode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The opcode numbered {@code code}, or empty for one we do not know. */
    public static Optional<GatewayOpcode> of(int code) {
        for (GatewayOpcode opcode : values()) {
            if (opcode.code == code) {
                return Optional.of(opcode);
            }
        }
        return Optional.empty();
    }
}
