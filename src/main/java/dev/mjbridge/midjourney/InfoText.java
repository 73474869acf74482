package dev.mjbridge.midjourney;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of Midjourney's {@code /info} embed, one {@code **Key**: value} line at a time.
 * Never fails: a key it does not know, a value it cannot read, and any other non-blank line go to
 * {@link AccountInfo#raw()} verbatim.
 */
public final class InfoText {

    private static final Pattern FIELD = Pattern.compile("^\\s*\\*\\*([^*]+)\\*\\*\\s*:?\\s*(.*)$");
    /** {@code 12.34/15.0 hours (82.27%)}, {@code 45 minutes}, {@code 1.5h}: the first amount and its unit. */
    private static final Pattern DURATION = Pattern.compile(
            "^([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*(?:/\\s*[0-9][0-9,]*(?:\\.[0-9]+)?\\s*)?(hours?|hrs?|h|minutes?|mins?|m)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_COUNT = Pattern.compile("^([0-9][0-9,]*)\\b");
    private static final Pattern JOB_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private InfoText() {
    }

    public static AccountInfo read(MjEvent.InfoResult info) {
        return read(info == null ? null : info.text());
    }

    public static AccountInfo read(String text) {
        Builder info = new Builder();
        if (text == null) {
            return info.build();
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher field = FIELD.matcher(line);
            if (!field.matches() || !info.take(field.group(1).strip().toLowerCase(Locale.ROOT), field.group(2).strip())) {
                info.raw.add(line);
            }
        }
        return info.build();
    }

    /** Seconds of {@code 12.34/15.0 hours (82.27%)} or {@code 30 minutes}; null when it shows no amount. */
    static Long seconds(String value) {
        Matcher m = DURATION.matcher(value.strip());
        if (!m.find()) {
            return null;
        }
        double amount = Double.parseDouble(m.group(1).replace(",", ""));
        boolean minutes = m.group(2).toLowerCase(Locale.ROOT).startsWith("m");
        return Math.round(amount * (minutes ? 60 : 3600));
    }

    /** The count at the start of {@code 140 images (2.67 hours)} or {@code 3}; null when none. */
    static Long count(String value) {
        Matcher m = LEADING_COUNT.matcher(value.strip());
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : null;
    }

    /** {@code None}, a number, or a list of jobs (by their ids, else comma-separated). */
    static Integer runningJobs(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        if (v.equalsIgnoreCase("none") || v.equals("-")) {
            return 0;
        }
        Long number = v.matches("[0-9][0-9,]*") ? count(v) : null;
        if (number != null) {
            return number.intValue();
        }
        int ids = 0;
        Matcher m = JOB_ID.matcher(v);
        while (m.find()) {
            ids++;
        }
        return ids > 0 ? ids : v.split(",").length;
    }

    private static final class Builder {
        String subscription;
        String jobMode;
        String visibilityMode;
        Long fastSeconds;
        Long lifetimeImages;
        Long relaxedImages;
        Integer queued;
        Integer running;
        final List<String> raw = new ArrayList<>();

        /** False when the key is unknown or its value unreadable: the line is then kept raw. */
        boolean take(String key, String value) {
            if (key.equals("user id")) {
                return true; // known, and nothing to keep: the account's own Discord id
            }
            if (key.equals("subscription")) {
                subscription = value;
                return true;
            }
            if (key.equals("job mode")) {
                jobMode = value;
                return true;
            }
            if (key.equals("visibility mode")) {
                visibilityMode = value;
                return true;
            }
            if (key.startsWith("fast time remaining")) {
                fastSeconds = seconds(value);
                return fastSeconds != null;
            }
            if (key.equals("lifetime usage")) {
                lifetimeImages = count(value);
                return lifetimeImages != null;
            }
            if (key.startsWith("relaxed usage")) {
                relaxedImages = count(value);
                return relaxedImages != null;
            }
            if (key.startsWith("queued jobs")) {
                Long n = count(value);
                if (n == null) {
                    return false;
                }
                queued = (queued == null ? 0 : queued) + n.intValue();
                return true;
            }
            if (key.startsWith("running jobs")) {
                running = runningJobs(value);
                return running != null;
            }
            return false;
        }

        AccountInfo build() {
            return new AccountInfo(subscription, jobMode, visibilityMode, fastSeconds, lifetimeImages, relaxedImages,
                    queued, running, null, null, null, null, raw);
        }
    }
}
