package dev.mjbridge.account;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writing and delimiting YAML scalars on one line. A string is written plain only when it
 * looks like a word no YAML reader can take for something else (a number, a boolean, null,
 * a comment, an indicator); everything else is double-quoted with escapes.
 */
final class YamlScalars {

    private static final Pattern PLAIN_SAFE = Pattern.compile("[A-Za-z][A-Za-z0-9._/-]{0,199}");
    /** Words YAML 1.1 or 1.2 readers turn into booleans or null. */
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null");

    private YamlScalars() {
    }

    /**
     * The value as YAML on one line: a scalar or a flow list.
     *
     * @param alwaysQuote write strings double-quoted even when plain would do (tokens, Discord ids)
     * @throws IllegalArgumentException naming the problem, never the value
     */
    static String inline(Object value, boolean alwaysQuote) {
        if (value instanceof String text) {
            return alwaysQuote ? quoted(text) : string(text);
        }
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof Boolean bool) {
            return bool.toString();
        }
        if (value instanceof List<?> items) {
            StringBuilder out = new StringBuilder("[");
            for (String item : strings(items)) {
                out.append(out.length() == 1 ? "" : ", ").append(alwaysQuote ? quoted(item) : string(item));
            }
            return out.append(']').toString();
        }
        throw new IllegalArgumentException("must be a string, a whole number, true/false or a list of strings, not "
                + (value == null ? "null" : value.getClass().getSimpleName()));
    }

    /** The items of a list value, each checked to be a string. */
    static List<String> strings(List<?> items) {
        for (Object item : items) {
            if (!(item instanceof String)) {
                throw new IllegalArgumentException("list entries must be strings, not "
                        + (item == null ? "null" : item.getClass().getSimpleName()));
            }
        }
        return items.stream().map(String.class::cast).toList();
    }

    static String string(String text) {
        boolean plain = PLAIN_SAFE.matcher(text).matches() && !RESERVED.contains(text.toLowerCase(Locale.ROOT));
        return plain ? text : quoted(text);
    }

    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isSurrogate(c)) {
                        boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                                && Character.isLowSurrogate(text.charAt(i + 1));
                        if (!paired) {
                            throw new IllegalArgumentException("contains a broken character (an unpaired surrogate)");
                        }
                        out.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
                        // Control characters and Unicode line breaks would break the line or be refused by readers.
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Where the value starting at {@code start} ends on this line: after a closing quote or
     * bracket, or before the spaces and comment after a plain value. A quoted or flow value
     * that goes on to the next line ends at the end of the line.
     */
    static int valueEnd(String line, int start) {
        if (start >= line.length()) {
            return line.length();
        }
        char first = line.charAt(start);
        if (first == '"' || first == '\'') {
            int end = closingQuote(line, start);
            return end < 0 ? line.length() : end + 1;
        }
        if (first == '[' || first == '{') {
            int depth = 0;
            for (int i = start; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"' || c == '\'') {
                    i = closingQuote(line, i);
                    if (i < 0) {
                        return line.length();
                    }
                } else if (c == '[' || c == '{') {
                    depth++;
                } else if ((c == ']' || c == '}') && --depth == 0) {
                    return i + 1;
                }
            }
            return line.length();
        }
        int end = line.length();
        for (int i = start + 1; i < line.length(); i++) {
            if (line.charAt(i) == '#' && Character.isWhitespace(line.charAt(i - 1))) {
                end = i;
                break;
            }
        }
        while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** The index of the quote closing the one at {@code open}, or -1 when it is not on this line. */
    private static int closingQuote(String line, int open) {
        char quote = line.charAt(open);
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                if (quote == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }
}
