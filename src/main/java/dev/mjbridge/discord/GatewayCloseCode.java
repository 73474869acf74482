package dev.mjbridge.discord;

import java.util.Optional;

/**
 * The close codes Discord's gateway ends a connection with, and what each means for the
 * session: most allow a RESUME, two mean the session is gone (IDENTIFY again), and the rest
 * mean that reconnecting cannot help (a bad token, a request Discord will never accept).
 */
public enum GatewayCloseCode {
    UNKNOWN_ERROR(4000, AfterClose.RESUME),
    UNKNOWN_OPCODE(4001, AfterClose.RESUME),
    DECODE_ERROR(4002, AfterClose.RESUME),
    NOT_AUTHENTICATED(4003, AfterClose.RESUME),
    /** The token is invalid. */
    AUTHENTICATION_FAILED(4004, AfterClose.GIVE_UP),
    ALREADY_AUTHENTICATED(4005, AfterClose.RESUME),
    /** The sequence sent with RESUME is invalid. */
    INVALID_SEQ(4007, AfterClose.NEW_SESSION),
    RATE_LIMITED(4008, AfterClose.RESUME),
    /** The session timed out. */
    SESSION_TIMED_OUT(4009, AfterClose.NEW_SESSION),
    INVALID_SHARD(4010, AfterClose.GIVE_UP),
    SHARDING_REQUIRED(4011, AfterClose.GIVE_UP),
    INVALID_API_VERSION(4012, AfterClose.GIVE_UP),
    INVALID_INTENTS(4013, AfterClose.GIVE_UP),
    DISALLOWED_INTENTS(4014, AfterClose.GIVE_UP);

    /** What a client does after the close. */
    public enum AfterClose {
        /** Reconnect and RESUME the session. */
        RESUME,
        /** Reconnect and IDENTIFY: the session cannot be resumed. */
        NEW_SESSION,
        /** Do not reconnect: it cannot help. */
        GIVE_UP
    }

    /**
     * What we close our own socket with to reconnect: any code but 1000/1001 keeps the
     * session resumable (1000 would end it).
     */
    public static final int CLIENT_RECONNECTING = 4000;
    /** What we close with when we stop for good: the normal WebSocket close, which ends the session. */
    public static final int CLIENT_STOPPING = 1000;

    private final int code;
    private final AfterClose after;

    GatewayCloseCode(int code, AfterClose after) {
        this.code = code;
        this.after = after;
    }

    public int code() {
        return code;
    }

    public AfterClose after() {
        return after;
    }

    /** The Discord close code numbered {@code code}, or empty (a network close, 1000, 1006, ...). */
    public static Optional<GatewayCloseCode> of(int code) {
        for (GatewayCloseCode closeCode : values()) {
            if (closeCode.code == code) {
                return Optional.of(closeCode);
            }
        }
        return Optional.empty();
    }

    /** What to do after a close with {@code code}: unknown codes are resumed, as after a dropped connection. */
    public static AfterClose afterClose(int code) {
        return of(code).map(GatewayCloseCode::after).orElse(AfterClose.RESUME);
    }
}
