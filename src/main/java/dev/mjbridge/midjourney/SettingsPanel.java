package dev.mjbridge.midjourney;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer to {@code /settings}: an ephemeral message of toggle buttons, the current choices
 * green (style 3), and {@code Current suffix: `--v 7`} in its content. Buttons are known by their
 * custom id ({@code MJ::Settings::RemixMode}, ...; older forms add {@code ::on}/{@code ::1}) or,
 * failing that, by their label ({@code Remix mode}), so a renamed id alone does not lose them.
 *
 * @param messageId the settings message, whose buttons are pressed
 * @param remix     whether remix is on; null when the message has no remix button
 * @param speed     {@code FAST}, {@code RELAX} or {@code TURBO}: the green speed button; null if none is
 * @param stealth   true = stealth, false = public; null when neither button is green
 * @param suffix    the current suffix, null when the content shows none
 */
public record SettingsPanel(String messageId, Boolean remix, String speed, Boolean stealth, String suffix,
                            List<Button> buttons) {

    /** Discord's green button: Midjourney shows the current choice so. */
    static final int ACTIVE_STYLE = 3;
    public static final List<String> SPEEDS = List.of("TURBO", "FAST", "RELAX");
    private static final Pattern SUFFIX = Pattern.compile("suffix:?\\s*`([^`]*)`", Pattern.CASE_INSENSITIVE);

    public SettingsPanel {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    /** The settings in a bot reply; empty when the reply carries no settings button (not a settings message). */
    public static Optional<SettingsPanel> read(MjEvent.BotReply reply) {
        List<Button> buttons = reply.buttons();
        boolean settings = buttons.stream().anyMatch(b -> b.customId().startsWith("MJ::Settings::"))
                || find(buttons, "Remix").isPresent();
        if (!settings) {
            return Optional.empty();
        }
        Boolean remix = find(buttons, "Remix").map(SettingsPanel::active).orElse(null);
        String speed = null;
        for (String candidate : SPEEDS) {
            if (find(buttons, word(candidate)).map(SettingsPanel::active).orElse(false)) {
                speed = candidate;
            }
        }
        Boolean stealth = null;
        if (find(buttons, "Stealth").map(SettingsPanel::active).orElse(false)) {
            stealth = true;
        } else if (find(buttons, "Public").map(SettingsPanel::active).orElse(false)) {
            stealth = false;
        }
        String text = reply.content() + "\n" + (reply.description() == null ? "" : reply.description());
        Matcher suffix = SUFFIX.matcher(text);
        return Optional.of(new SettingsPanel(reply.correlation().messageId(), remix, speed, stealth,
                suffix.find() ? suffix.group(1).strip() : null, buttons));
    }

    /** The remix toggle. */
    public Optional<Button> remixButton() {
        return find(buttons, "Remix");
    }

    /** The button choosing {@code speed} ({@code FAST}, {@code RELAX}, {@code TURBO}). */
    public Optional<Button> speedButton(String speed) {
        return find(buttons, word(speed));
    }

    private static String word(String speed) {
        return speed.charAt(0) + speed.substring(1).toLowerCase(Locale.ROOT);
    }

    private static boolean active(Button button) {
        return button.style() == ACTIVE_STYLE;
    }

    /** {@code MJ::Settings::<Word>Mode...} by custom id, else a label {@code <Word> mode}. */
    private static Optional<Button> find(List<Button> buttons, String word) {
        String id = "MJ::Settings::" + word + "Mode";
        Optional<Button> byId = buttons.stream().filter(b -> b.customId().equals(id) || b.customId().startsWith(id + "::"))
                .findFirst();
        if (byId.isPresent()) {
            return byId;
        }
        String label = word.toLowerCase(Locale.ROOT) + " mode";
        return buttons.stream().filter(b -> b.label().strip().toLowerCase(Locale.ROOT).equals(label)).findFirst();
    }
}
