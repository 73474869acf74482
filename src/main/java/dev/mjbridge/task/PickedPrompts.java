package dev.mjbridge.task;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds suggestion {@code n} in the text of a describe or shorten result. Midjourney
 * numbers its suggestions with keycap emojis ({@code 1️⃣ a cat ...}); the text may also
 * hold other lines (shorten lists the important tokens first), so numbered lines win and
 * the n-th line is only the fallback for a text that is nothing but the suggestions.
 */
final class PickedPrompts {

    /** A keycap digit ({@code 1️⃣}, variation selector optional) or {@code 1.} / {@code 1)}. */
    private static final Pattern NUMBERED = Pattern.compile("^\\s*([1-9])(?:\\x{FE0F}?\\x{20E3}|[.)])\\s*(.+)$");

    private PickedPrompts() {
    }

    static Optional<String> pick(String text, int n) {
        if (text == null || text.isBlank() || n < 1) {
            return Optional.empty();
        }
        List<String> lines = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        boolean anyNumbered = false;
        for (String line : lines) {
            Matcher matcher = NUMBERED.matcher(line);
            if (matcher.matches()) {
                anyNumbered = true;
                if (Integer.parseInt(matcher.group(1)) == n) {
                    return Optional.of(matcher.group(2).strip());
                }
            }
        }
        if (anyNumbered || n > lines.size()) {
            return Optional.empty();
        }
        return Optional.of(lines.get(n - 1));
    }
}
