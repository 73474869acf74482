package dev.mjbridge.sandbox.bot;

import java.util.Arrays;
import java.util.Optional;

/** The buttons of the /settings message, each named {@code MJ::Settings::<key>}. */
public enum SettingsOption {
    REMIX("RemixMode", "Remix mode", "🎛️"),
    PUBLIC("PublicMode", "Public mode", "🧑‍🤝‍🧑"),
    STEALTH("StealthMode", "Stealth mode", "🧍"),
    TURBO("TurboMode", "Turbo mode", "🚀"),
    FAST("FastMode", "Fast mode", "🐇"),
    RELAX("RelaxMode", "Relax mode", "🐢");

    private final String key;
    private final String label;
    private final String emoji;

    SettingsOption(String key, String label, String emoji) {
        this.key = key;
        this.label = label;
        this.emoji = emoji;
    }

    public String customId() {
        return "MJ::Settings::" + key;
    }

    public String label() {
        return label;
    }

    public String emoji() {
        return emoji;
    }

    /** Whether the option is what the user has now (its button is shown green). */
    public boolean isActive(UserState state) {
        return switch (this) {
            case REMIX -> state.remix();
            case PUBLIC -> !state.stealth();
            case STEALTH -> state.stealth();
            case TURBO -> state.mode() == SpeedMode.TURBO;
            case FAST -> state.mode() == SpeedMode.FAST;
            case RELAX -> state.mode() == SpeedMode.RELAX;
        };
    }

    /** What pressing the button does to the user's settings. */
    public UserState press(UserState state) {
        return switch (this) {
            case REMIX -> state.withRemix(!state.remix());
            case PUBLIC -> state.withStealth(false);
            case STEALTH -> state.withStealth(true);
            case TURBO -> state.withMode(SpeedMode.TURBO);
            case FAST -> state.withMode(SpeedMode.FAST);
            case RELAX -> state.withMode(SpeedMode.RELAX);
        };
    }

    static Optional<SettingsOption> ofKey(String key) {
        return Arrays.stream(values()).filter(o -> o.key.equals(key)).findFirst();
    }
}
