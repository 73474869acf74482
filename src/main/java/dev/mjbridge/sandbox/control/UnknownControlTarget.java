package dev.mjbridge.sandbox.control;

/** A control API call naming a user or scenario the sandbox does not know: answered 404. */
public final class UnknownControlTarget extends RuntimeException {

    public UnknownControlTarget(String message) {
        super(message);
    }
}
