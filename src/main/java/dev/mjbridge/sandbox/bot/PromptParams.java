package dev.mjbridge.sandbox.bot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A prompt split into its text and its {@code --name value} parameters. A parameter's
 * value runs up to the next parameter ({@code --no red cars}). Phones turn "--" into an
 * em dash, which Midjourney accepts too.
 */
public record PromptParams(String text, List<Param> params) {

    public record Param(String name, String value) {
    }

    public PromptParams {
        params = List.copyOf(params);
    }

    public static PromptParams parse(String prompt) {
        String[] tokens = (prompt == null ? "" : prompt).strip().split("\\s+");
        StringBuilder text = new StringBuilder();
        List<Param> params = new ArrayList<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String token : tokens) {
            String normalised = token.startsWith("—") ? "--" + token.substring(1) : token;
            if (normalised.startsWith("--") && normalised.length() > 2) {
                if (name != null) {
                    params.add(new Param(name, value.toString().strip()));
                }
                name = normalised.substring(2).toLowerCase(Locale.ROOT);
                value.setLength(0);
            } else if (name != null) {
                value.append(' ').append(token);
            } else if (!token.isEmpty()) {
                text.append(text.length() == 0 ? "" : " ").append(token);
            }
        }
        if (name != null) {
            params.add(new Param(name, value.toString().strip()));
        }
        return new PromptParams(text.toString(), params);
    }

    /** The last occurrence of any of these names (Midjourney lets a later one win). */
    public Optional<Param> last(String... names) {
        List<String> wanted = Arrays.asList(names);
        Param found = null;
        for (Param param : params) {
            if (wanted.contains(param.name())) {
                found = param;
            }
        }
        return Optional.ofNullable(found);
    }

    public boolean has(String name) {
        return last(name).isPresent();
    }

    /** The aspect ratio asked for; square when none or when the value is unreadable. */
    public AspectRatio aspectRatio() {
        return last("ar", "aspect").flatMap(p -> AspectRatio.parse(p.value())).orElse(AspectRatio.SQUARE);
    }

    /** A per-job speed, as {@code --fast}, {@code --relax}, {@code --turbo} ask for. */
    public Optional<SpeedMode> speedOverride() {
        SpeedMode mode = null;
        for (Param param : params) {
            switch (param.name()) {
                case "fast" -> mode = SpeedMode.FAST;
                case "relax" -> mode = SpeedMode.RELAX;
                case "turbo" -> mode = SpeedMode.TURBO;
                default -> {
                }
            }
        }
        return Optional.ofNullable(mode);
    }
}
