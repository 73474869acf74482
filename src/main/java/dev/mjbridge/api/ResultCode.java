package dev.mjbridge.api;

/**
 * The {@code code} values of the response envelope. Relays act on them (some disable a
 * whole channel on {@link #NOT_FOUND}), so each has exactly the meaning the README's API section gives it.
 */
public final class ResultCode {

    /** Submitted; {@code properties.discordInstanceId} names the account. */
    public static final int SUBMITTED = 1;
    /** The referenced task does not exist. Never used for "all accounts busy". */
    public static final int NOT_FOUND = 3;
    /** Validation error; the description names the field and the reason. */
    public static final int INVALID = 4;
    /** Internal failure. */
    public static final int FAILURE = 9;
    /** The task waits in MODAL for {@code /mj/submit/modal}. */
    public static final int MODAL = 21;
    /** Accepted, queued behind others on the account. */
    public static final int QUEUED = 22;
    /** No account can take it now (queues full, none matching, none healthy). */
    public static final int NO_CAPACITY = 23;
    /** The prompt contains a word of the local banned list. */
    public static final int BANNED_PROMPT = 24;

    private ResultCode() {
    }
}
