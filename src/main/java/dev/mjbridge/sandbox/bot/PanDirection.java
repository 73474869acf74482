package dev.mjbridge.sandbox.bot;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The four pan buttons. */
public enum PanDirection {
    LEFT("⬅️"), RIGHT("➡️"), UP("⬆️"), DOWN("⬇️");

    private final String emoji;

    PanDirection(String emoji) {
        this.emoji = emoji;
    }

    /** As in customIds: {@code pan_left}, {@code MJ::PanModal::left::...}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As in content: {@code Pan Left}. */
    public String label() {
        return "Pan " + name().charAt(0) + word().substring(1);
    }

    public String emoji() {
        return emoji;
    }

    static Optional<PanDirection> ofWord(String word) {
        return Arrays.stream(values()).filter(d -> d.word().equals(word)).findFirst();
    }
}
