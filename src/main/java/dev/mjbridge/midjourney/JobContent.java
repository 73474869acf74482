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
    /** ASSUMED form (no capture yet): the start of a video upscale, {@code Upscaling video #n with **P** ...}. */
    private static final Pattern UPSCALING_VIDEO = Pattern.compile("Upscaling video #(\\d)");
    private static final Pattern CREATING_VIDEO = Pattern.compile("Creating video with prompt");
    private static final Pattern IMAGE_N = Pattern.compile("Image #(\\d)");
    /** ASSUMED form (no capture yet): the result of a video upscale, {@code **P** - Video #n <@U>}. */
    private static final Pattern VIDEO_N = Pattern.compile("Video #(\\d)");
    private static final Pattern LINK = Pattern.compile("<?https?://\\S+?>?");
    /**
     * Since 2025 finished grids say {@code [(Open on website for full quality)](<https://midjourney.com/jobs/<h>>)}:
     * a markdown link whose text and target are both parenthesised. It is neither the mode nor part of the label.
     */
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[[^\\]]*\\]\\(<?[^()<>\\s]*>?\\)");
    private static final Pattern WEBSITE_NOTE = Pattern.compile("(?i)\\(\\s*open on website[^()]*\\)");
    /** V5.2 upscales put the speed inside the bold prompt: {@code **... (fast)** - Image #2 <@U>}. */
    private static final Pattern SPEED_AT_PROMPT_END = Pattern.compile(
            "\\((fast|relaxed|relax|turbo)(?:,\\s*stealth)?\\)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern VIDEO_PARAMETER = Pattern.compile("(^|\\s)--video(\\s|$)");

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
        after = WEBSITE_NOTE.matcher(MARKDOWN_LINK.matcher(after).replaceAll(" ")).replaceAll(" ");

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
        if (mode == null && !waiting) {
            Matcher speed = SPEED_AT_PROMPT_END.matcher(prompt);
            if (speed.find()) {
                mode = speed.group(1);
            }
        }

        JobKind kindHint;
        int index = 0;
        Matcher old = MAKING_VARIATIONS.matcher(before);
        Matcher upscaling = UPSCALING.matcher(before);
        Matcher upscalingVideo = UPSCALING_VIDEO.matcher(before);
        Matcher imageN = IMAGE_N.matcher(label);
        Matcher videoN = VIDEO_N.matcher(label);
        if (old.find()) {
            kindHint = JobKind.VARIATION;
            index = Integer.parseInt(old.group(1));
        } else if (upscaling.find()) {
            kindHint = JobKind.UPSCALE;
            index = Integer.parseInt(upscaling.group(1));
        } else if (upscalingVideo.find()) {
            kindHint = JobKind.VIDEO_UPSCALE;
            index = Integer.parseInt(upscalingVideo.group(1));
        } else if (CREATING_VIDEO.matcher(before).find()) {
            kindHint = JobKind.VIDEO;
        } else if (imageN.find()) {
            kindHint = JobKind.UPSCALE;
            index = Integer.parseInt(imageN.group(1));
        } else if (videoN.find()) {
            kindHint = JobKind.VIDEO_UPSCALE;
            index = Integer.parseInt(videoN.group(1));
        } else {
            kindHint = kindOfLabel(label);
        }
        return Optional.of(new JobContent(prompt, label, mentionedUserId, percent, mode, waiting, kindHint, index));
    }

    /** Whether the prompt asks for a video ({@code --video 1}, as the Animate buttons write it). */
    boolean asksForVideo() {
        return VIDEO_PARAMETER.matcher(prompt).find();
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
        // "Upscaling by" is the progress of a V7 2x upscale, "Upscaled by" its result.
        if (label.startsWith("Upscaled") || label.startsWith("Upscaling")) {
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
