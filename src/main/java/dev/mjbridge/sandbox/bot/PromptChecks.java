package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.SandboxSettings;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Midjourney checks in a prompt before it starts a job: banned words (the
 * sandbox's list), parameters it does not know, and parameter values it cannot read.
 */
@Component
public class PromptChecks {

    private static final Set<String> KNOWN_PARAMETERS = Set.of(
            "ar", "aspect", "v", "version", "niji", "q", "quality", "s", "stylize", "c", "chaos", "seed", "sameseed",
            "no", "iw", "tile", "style", "weird", "w", "stop", "r", "repeat", "zoom", "raw", "sref", "cref", "cw",
            "sw", "sv", "p", "personalize", "profile", "relax", "fast", "turbo", "draft", "exp", "oref", "ow", "hd",
            "video", "motion", "loop", "end", "bs", "test", "testp", "creative", "uplight", "upbeta", "upanime");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}-]*");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

    private final Set<String> bannedWords;

    public PromptChecks(SandboxSettings settings) {
        Set<String> lower = new LinkedHashSet<>();
        settings.bannedWords().forEach(word -> lower.add(word.toLowerCase(Locale.ROOT)));
        this.bannedWords = Set.copyOf(lower);
    }

    /** The first problem Midjourney would report for this prompt. */
    public Optional<Refusal> check(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            return Optional.of(new Refusal(ErrorKind.INVALID_PROMPT, "The prompt is empty."));
        }
        Optional<String> banned = bannedWord(prompt);
        if (banned.isPresent()) {
            return Optional.of(new Refusal(ErrorKind.BANNED_PROMPT, "The word `" + banned.get() + "` is banned. "
                    + "Circumventing this filter to violate our rules may result in your access being revoked."));
        }
        PromptParams params = PromptParams.parse(prompt);
        List<String> unknown = params.params().stream().map(PromptParams.Param::name)
                .filter(name -> !KNOWN_PARAMETERS.contains(name)).distinct().map(name -> "`--" + name + "`").toList();
        if (!unknown.isEmpty()) {
            return Optional.of(new Refusal(ErrorKind.INVALID_PARAMETER,
                    "Unrecognized parameter(s): " + String.join(", ", unknown)));
        }
        for (PromptParams.Param param : params.params()) {
            if ((param.name().equals("ar") || param.name().equals("aspect")) && AspectRatio.parse(param.value()).isEmpty()) {
                return Optional.of(new Refusal(ErrorKind.INVALID_PARAMETER, "Invalid aspect ratio `--" + param.name()
                        + " " + param.value() + "`: use two whole numbers, like `--ar 3:2`."));
            }
            if (param.name().equals("zoom") && !zoomInRange(param.value())) {
                return Optional.of(zoomRefusal(param.value()));
            }
        }
        return Optional.empty();
    }

    /** The custom-zoom modal's prompt must carry {@code --zoom} between 1 and 2. */
    public Optional<Refusal> checkCustomZoom(String prompt) {
        Optional<PromptParams.Param> zoom = PromptParams.parse(prompt).last("zoom");
        if (zoom.isEmpty()) {
            return Optional.of(new Refusal(ErrorKind.INVALID_PARAMETER, "Custom zoom needs `--zoom` with a value from 1 to 2."));
        }
        if (!zoomInRange(zoom.get().value())) {
            return Optional.of(zoomRefusal(zoom.get().value()));
        }
        return check(prompt);
    }

    public Optional<String> bannedWord(String prompt) {
        Matcher words = WORD.matcher(prompt.toLowerCase(Locale.ROOT));
        while (words.find()) {
            if (bannedWords.contains(words.group())) {
                return Optional.of(words.group());
            }
        }
        return Optional.empty();
    }

    private static boolean zoomInRange(String value) {
        if (!NUMBER.matcher(value).matches()) {
            return false;
        }
        double zoom = Double.parseDouble(value);
        return zoom >= 1.0 && zoom <= 2.0;
    }

    private static Refusal zoomRefusal(String value) {
        return new Refusal(ErrorKind.INVALID_PARAMETER, "Invalid value `" + value + "` for `--zoom`: it must be between 1 and 2.");
    }
}
