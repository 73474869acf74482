package dev.mjbridge.sandbox.control;

/** A control API call with bad input: answered 400 with this message. */
public final class BadControlRequest extends IllegalArgumentException {

    public BadControlRequest(String message) {
        super(message);
    }
}
