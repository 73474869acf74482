package dev.mjbridge.sandbox.bot;

/** Why the bot will not run something: the error embed's kind and its description. */
public record Refusal(ErrorKind kind, String description) {

    public static Refusal of(ErrorKind kind) {
        return new Refusal(kind, kind.defaultDescription());
    }
}
