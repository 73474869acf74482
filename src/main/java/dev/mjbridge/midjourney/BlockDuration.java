package dev.mjbridge.midjourney;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how long a temporary block lasts from Midjourney's words: "blocked from using Midjourney
 * for 1 hour", "for 30 minutes", "for 2 days", "for 1 day and 12 hours", "for 1h 30m". Tolerant
 * of case, plurals, abbreviations, commas, "and", and numbers written as words up to twelve
 * ("for one hour", "for an hour"). Midjourney's exact wording is not captured anywhere, so the
 * parser looks for the first "for" followed by a run of amounts with units, and nothing more.
 */
public final class BlockDuration {

    /** Digits may touch their unit ({@code 30m}); a number in words must stand apart ("an hour", not "and"). */
    private static final String NUMBER = "(?:(\\d+(?:\\.\\d+)?)\\s*|\\b(an?|one|two|three|four|five|six|seven|eight|nine|ten"
            + "|eleven|twelve)\\s+)";
    private static final String UNIT = "(weeks?|w|days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)";
    private static final String AMOUNT = NUMBER + UNIT + "(?![a-z])";
    private static final Pattern SPAN = Pattern.compile(
            "\\bfor\\s+(?:the\\s+next\\s+)?(" + AMOUNT + "(?:\\s*(?:,|and|,\\s*and)?\\s*" + AMOUNT + ")*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ONE_AMOUNT = Pattern.compile(AMOUNT, Pattern.CASE_INSENSITIVE);
    private static final String[] WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve"};
    /** Longer than any block Midjourney announces with a duration; a larger number is a misreading. */
    private static final Duration LONGEST = Duration.ofDays(3650);

    private BlockDuration() {
    }

    /**
     * The duration the text names after "for", if any.
     *
     * @return empty when the text names no duration (a permanent block, or no block at all)
     */
    public static Optional<Duration> in(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher span = SPAN.matcher(text);
        while (span.find()) {
            Duration total = Duration.ZERO;
            Matcher amount = ONE_AMOUNT.matcher(span.group(1));
            while (amount.find()) {
                String number = amount.group(1) != null ? amount.group(1) : amount.group(2);
                total = total.plus(amountOf(number, amount.group(3)));
            }
            if (!total.isZero() && total.compareTo(LONGEST) <= 0) {
                return Optional.of(total);
            }
        }
        return Optional.empty();
    }

    private static Duration amountOf(String number, String unit) {
        double value = numberOf(number.toLowerCase(Locale.ROOT));
        long seconds = Math.round(value * secondsPer(unit.toLowerCase(Locale.ROOT)));
        return Duration.ofSeconds(seconds);
    }

    private static double numberOf(String number) {
        if (number.equals("a") || number.equals("an")) {
            return 1;
        }
        for (int i = 0; i < WORDS.length; i++) {
            if (WORDS[i].equals(number)) {
                return i;
            }
        }
        return Double.parseDouble(number);
    }

    private static long secondsPer(String unit) {
        if (unit.startsWith("w")) {
            return 7 * 86_400;
        }
        if (unit.startsWith("d")) {
            return 86_400;
        }
        if (unit.startsWith("h")) {
            return 3_600;
        }
        if (unit.startsWith("m")) {
            return 60;
        }
        return 1;
    }
}
