package dev.mjbridge.sandbox.control.scenario;

/** A scenario file that cannot be played; the message names the offending field. */
public final class ScenarioFormatException extends IllegalArgumentException {

    public ScenarioFormatException(String message) {
        super(message);
    }
}
