package dev.mjbridge.sandbox.bot;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An {@code --ar W:H} value. */
public record AspectRatio(int width, int height) {

    public static final AspectRatio SQUARE = new AspectRatio(1, 1);
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,5}):(\\d{1,5})");

    /** Parses {@code W:H} with two positive whole numbers; empty for anything else. */
    public static Optional<AspectRatio> parse(String value) {
        Matcher matcher = FORMAT.matcher(value == null ? "" : value.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int w = Integer.parseInt(matcher.group(1));
        int h = Integer.parseInt(matcher.group(2));
        return w > 0 && h > 0 ? Optional.of(new AspectRatio(w, h)) : Optional.empty();
    }

    @Override
    public String toString() {
        return width + ":" + height;
    }
}
