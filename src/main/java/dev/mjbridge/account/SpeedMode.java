package dev.mjbridge.account;

import java.util.Locale;
import java.util.Optional;

/** Midjourney's GPU speed modes, as accounts allow them and requests ask for them. */
public enum SpeedMode {
    FAST, RELAX, TURBO;

    /** Accepts {@code fast}, {@code FAST}, {@code relaxed}, ... */
    public static Optional<SpeedMode> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalized = value.trim().toUpperCase(Locale.ROOT);
        if (normalized.equals("RELAXED")) {
            normalized = "RELAX";
        }
        for (SpeedMode mode : values()) {
            if (mode.name().equals(normalized)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    /** The prompt parameter that runs one job in this mode ({@code --fast}, {@code --relax}, {@code --turbo}). */
    public String promptParameter() {
        return "--" + name().toLowerCase(Locale.ROOT);
    }
}
