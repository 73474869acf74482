package dev.mjbridge.midjourney;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The content of a Midjourney job message, e.g.
 * {@code **cat --ar 3:2** - Variations (Strong) by <@42> (31%) (fast)}, split into its parts.
 *
 * @param prompt          the text between the first {@code **} pair
 * @param label           the words between the prompt and the mention ({@code Image #2},
 *                        {@code Variations (Strong)}, {@code Pan Left}); {@code ""} for none
 * @param mentionedUserId the user of the {@code <@id>} mention, or {@code null}
 * @param percent         the progress percentage, or -1
 * @param mode            the last parenthesised part that is not a percentage or the waiting marker
 * @param waiting         whether the text says {@code (Waiting to start)}
 * @param kindHint        the job kind the words name, or {@code null}
 * @param index           the image index the words name, or 0
 */
record JobContent(String prompt, String label, String mentionedUserId, int percent, String mode,
                  boolean waiting, JobKind kindHint, int index) {

    private static final Pattern MENTION = Pattern.compile("<@!?(\\d+)>");
    private static final Pattern PARENTHESISED = Pattern.compile("\\(([^()]*)\\)");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})\\s*%");
    private static final Pattern MAKING_VARIATIONS = Pattern.compile("Making variations for image #(\\d)");
    private static final Pattern UPSCALING = Pattern.compile("Upscaling image #(\\d)");
    private static final Pattern IMAGE_N = Pattern.compile("Image #(\\d)");
    private static final Pattern LINK = Pattern.compile("<?https?://\\S+?>?");

    /** Splits job-shaped content; empty when the content is not a {@code **prompt** - ...} line. */
    static Optional<JobContent> parse(String content) {
        if (content == null) {
            return Optional.empty();
        }
        int start = content.indexOf("**");
        if (start < 0) {
            return Optional.empty();
        }
        // The last "** - " closes the prompt even when the prompt itself contains "**".
        int end = content.lastIndexOf("** - ");
        if (end <= start) {
            end = content.indexOf("**", start + 2);
        }
        if (end < 0) {
            return Optional.empty();
        }
        String tail = content.substring(end + 2).strip();
        if (!tail.startsWith("-")) {
            return Optional.empty();
        }
        tail = tail.substring(1).strip();
        String prompt = content.substring(start + 2, end);
        String before = content.substring(0, start);

        String label;
        String after;
        String mentionedUserId = null;
        Matcher mention = MENTION.matcher(tail);
        if (mention.find()) {
            mentionedUserId = mention.group(1);
            label = tail.substring(0, mention.start());
            after = tail.substring(mention.end());
        } else {
            int by = tail.indexOf(" by ");
            int cut = by >= 0 ? by + 4 : labelEnd(tail);
            label = tail.substring(0, cut);
            after = tail.substring(cut);
        }
        label = stripBy(label.strip());

        int percent = -1;
        String mode = null;
        boolean waiting = false;
        Matcher group = PARENTHESISED.matcher(after);
        while (group.find()) {
            String part = group.group(1).strip();
            Matcher percentMatch = PERCENT.matcher(part);
            if (percentMatch.matches()) {
                percent = Math.min(100, Integer.parseInt(percentMatch.group(1)));
            } else if (part.equalsIgnoreCase("Waiting to start")) {
                waiting = true;
            } else if (!part.isEmpty()) {
                mode = part;
            }
        }

        JobKind kindHint = null;
        int index = 0;
        Matcher old = MAKING_VARIATIONS.matcher(before);
        Matcher upscaling = UPSCALING.matcher(before);
        Matcher imageN = IMAGE_N.matcher(label);
        if (old.find()) {
            kindHint = JobKind.VARIATION;
            index = Integer.parseInt(old.group(1));
        } else if (upscaling.find()) {
            kindHint = JobKind.UPSCALE;
            index = Integer.parseInt(upscaling.group(1));
        } else if (imageN.find()) {
            kindHint = JobKind.UPSCALE;
            index = Integer.parseInt(imageN.group(1));
        } else {
            kindHint = kindOfLabel(label);
        }
        return Optional.of(new JobContent(prompt, label, mentionedUserId, percent, mode, waiting, kindHint, index));
    }

    /**
     * Whether the prompt is what {@code /blend} produces: two or more image links and
     * nothing else but parameters.
     */
    boolean looksLikeBlend() {
        int paramsAt = prompt.indexOf(" --");
        String images = (paramsAt >= 0 ? prompt.substring(0, paramsAt) : prompt).strip();
        if (images.isEmpty()) {
            return false;
        }
        String[] tokens = images.split("\\s+");
        if (tokens.length < 2) {
            return false;
        }
        for (String token : tokens) {
            if (!LINK.matcher(token).matches()) {
                return false;
            }
        }
        return true;
    }

    private static JobKind kindOfLabel(String label) {
        if (label.startsWith("Upscaled")) {
            return JobKind.UPSCALE;
        }
        if (label.startsWith("Variations") || label.startsWith("Remix")) {
            return JobKind.VARIATION;
        }
        if (label.startsWith("Zoom Out")) {
            return JobKind.ZOOM;
        }
        if (label.startsWith("Pan ")) {
            return JobKind.PAN;
        }
        return null;
    }

    /** Without a mention, the label runs up to the first bracket that is not part of it. */
    private static int labelEnd(String tail) {
        int bracket = tail.indexOf('(');
        return bracket < 0 ? tail.length() : bracket;
    }

    private static String stripBy(String label) {
        if (label.endsWith(" by")) {
            return label.substring(0, label.length() - 3).strip();
        }
        return label.equals("by") ? "" : label;
    }
}
