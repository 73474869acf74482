package dev.mjbridge.images;

/**
 * A task id or file name that cannot name a stored picture. Thrown before the disk is touched;
 * {@link #field()} names the part that was refused, so callers can tell the client which.
 */
public final class InvalidImageKeyException extends IllegalArgumentException {

    private final String field;
    private final String reason;

    InvalidImageKeyException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** {@code taskId} or {@code file}. */
    public String field() {
        return field;
    }

    /** Why it was refused, without the value (which may be anything a client sent). */
    public String reason() {
        return reason;
    }
}
