package dev.mjbridge.sandbox.bot;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words and shapes of a job's messages: {@code **prompt** - <label> <@U> (Waiting to start)},
 * then {@code (NN%) (fast)}, then the result with its file and buttons. V7 (the default)
 * speaks as Midjourney did in 2026: button jobs start with "Upscaling image #n with" or
 * "Making variations for image #n with prompt", grids and videos end with an
 * "Open on website for full quality" link and a WebP; older models keep their older words.
 */
final class JobMessages {

    static final String OPEN_ON_WEBSITE = "[(Open on website for full quality)](<https://midjourney.com/jobs/%s>)";

    private static final Pattern LINK = Pattern.compile("<?https?://\\S+>?");
    private static final int MAX_FILENAME_WORDS_LENGTH = 60;
    /** Midjourney cuts the prompt part of a 2026 file name at 51 characters (case kept, hyphens kept). */
    private static final int V7_FILENAME_WORDS_LENGTH = 51;
    private static final String[] NUMBER_WORDS = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve"};

    private JobMessages() {
    }

    /** The first words of a job: V7 button jobs name what they do, imagine-like jobs show the bare head. */
    static String waiting(Job job) {
        if (!job.model().current() && job.kind() != JobKind.VIDEO && job.kind() != JobKind.VIDEO_UPSCALE) {
            return head(job, job.label()) + " (Waiting to start)";
        }
        String bare = "**" + job.prompt() + "** - " + job.origin().mention() + " (Waiting to start)";
        return switch (job.kind()) {
            case UPSCALE -> "Upscaling image #" + job.quadrant() + " with " + bare;
            // The 2026 capture: a V7 2x upscale starts like U1-U4 ("Upscaling image #1 with"), then "Upscaling by".
            case UPSCALE_HD -> "Upscaling image #" + Math.max(1, job.quadrant()) + " with " + bare;
            case VARIATION, VARY -> "Making variations for image #" + Math.max(1, job.quadrant()) + " with prompt " + bare;
            case VIDEO -> job.parentMessageId() != null ? "Creating video with prompt " + bare : bare;
            case VIDEO_UPSCALE -> "Upscaling video #" + job.quadrant() + " with " + bare;
            default -> bare;
        };
    }

    /** What an Animate press shows before the video job takes its place. */
    static String animating() {
        return "Animating...";
    }

    static String progress(Job job, int percent) {
        return head(job, runningLabel(job)) + " (" + percent + "%) (" + modeLabel(job) + ")";
    }

    static String paused(Job job) {
        return head(job, runningLabel(job)) + " (paused)";
    }

    /** A cancelled job's last words (Cancel Job): no percentage any more. */
    static String stopped(Job job) {
        return head(job, runningLabel(job)) + " (Stopped)";
    }

    /** The result's content; an "Image #n" (or "Video #n") names no mode, as Midjourney's do not. */
    static String result(Job job) {
        if (job.kind() == JobKind.UPSCALE || job.kind() == JobKind.VIDEO_UPSCALE) {
            return head(job, job.label());
        }
        // V7 grids and every video link to the job on the website; a 2x upscale does not.
        boolean website = job.kind() == JobKind.VIDEO || (job.model().current() && job.kind() != JobKind.UPSCALE_HD);
        return head(job, job.label()) + (website ? " " + OPEN_ON_WEBSITE.formatted(job.hash()) : "")
                + " (" + modeLabel(job) + ")";
    }

    /** {@code fast}, {@code relaxed}, {@code turbo}, with {@code , stealth} for stealth jobs. */
    static String modeLabel(Job job) {
        return job.mode().contentLabel() + (job.stealth() ? ", stealth" : "");
    }

    /**
     * {@code <user>_<prompt words>_<hash>.<ext>}, as Midjourney names its results: a V7
     * grid or video is a WebP (the video an animated one), single images are PNGs, a
     * video upscale is an mp4; older models name every image {@code .png}.
     */
    static String resultFilename(Job job) {
        String user = job.user().username().replaceAll("[^A-Za-z0-9]+", "_");
        if (!job.model().current() && job.kind() != JobKind.VIDEO && job.kind() != JobKind.VIDEO_UPSCALE) {
            String words = promptWords(job.prompt());
            return user + (words.isEmpty() ? "" : "_" + words) + "_" + job.hash() + ".png";
        }
        String extension = switch (job.kind().shape()) {
            case GRID, VIDEO -> ".webp";
            case IMAGE, UPSCALED -> ".png";
            case VIDEO_CLIP -> ".mp4";
        };
        String words = v7PromptWords(job.prompt());
        return user + (words.isEmpty() ? "" : "_" + words) + "_" + job.hash() + extension;
    }

    static String previewFilename(Job job) {
        return job.hash() + "_grid_0.webp";
    }

    /** One of the four stills a video progress edit shows: {@code <hash>_<clip>_step_<step>.jpeg}. */
    static String videoStepFilename(Job job, int clip, int step) {
        return job.hash() + "_" + clip + "_step_" + step + ".jpeg";
    }

    /**
     * The message the job starts with: it answers the interaction, so it carries the nonce
     * unless queued first. A job started from a button starts ephemeral (flags 64) with a
     * Cancel Job button that names the new job; an Animate press first shows "Animating...".
     */
    static ObjectNode startMessage(Job job, boolean withNonce) {
        ObjectNode message = BotMessages.base(job.app(), job.user());
        BotMessages.answering(message, job.origin(), withNonce);
        BotMessages.replyTo(message, job.channel(), job.parentMessageId());
        if (startsAnimating(job)) {
            message.put("content", animating());
            return message;
        }
        message.put("content", waiting(job));
        if (startsEphemeral(job)) {
            message.put("flags", message.path("flags").asInt(0) | BotMessages.EPHEMERAL);
            message.set("components", Buttons.cancelJob(job.hash()));
        }
        return message;
    }

    /** Jobs from a button (or a modal of a button) start with an ephemeral message; Animate does not. */
    static boolean startsEphemeral(Job job) {
        return job.parentMessageId() != null && !startsAnimating(job);
    }

    static boolean startsAnimating(Job job) {
        return job.kind() == JobKind.VIDEO && job.parentMessageId() != null;
    }

    /**
     * The result: a new message without nonce. Results of buttons reply to the message
     * whose button was pressed and name the interaction; a V7 imagine result replies to
     * its progress message; older imagine results name nothing.
     */
    static ObjectNode resultMessage(Job job, List<ObjectNode> attachments, String progressMessageId) {
        ObjectNode message = BotMessages.base(job.app(), job.user());
        message.put("content", result(job));
        ArrayNode files = message.putArray("attachments");
        attachments.forEach(files::add);
        message.set("components", Buttons.forResult(job));
        if (job.parentMessageId() != null) {
            message.set("interaction_metadata", job.origin().metadata());
            BotMessages.replyTo(message, job.channel(), job.parentMessageId());
        } else if (job.model().current() || job.kind() == JobKind.VIDEO) {
            BotMessages.replyTo(message, job.channel(), progressMessageId);
        }
        return message;
    }

    /** The yellow notice for a job that waits for a free slot. */
    static ObjectNode queuedMessage(Job job, int running) {
        ObjectNode message = BotMessages.base(job.app(), job.user());
        BotMessages.answering(message, job.origin(), true);
        message.put("type", BotMessages.DEFAULT);
        message.remove("interaction");
        String count = running < NUMBER_WORDS.length ? NUMBER_WORDS[running] : String.valueOf(running);
        message.putArray("embeds").add(BotMessages.embed("Job queued",
                "You have " + count + " running jobs, this job will start when one of them finishes.\n**" + job.prompt() + "**",
                ErrorKind.Colors.YELLOW));
        return message;
    }

    /** While a V7 2x upscale runs it is "Upscaling by"; its result says "Upscaled by". */
    private static String runningLabel(Job job) {
        if (job.kind() == JobKind.UPSCALE_HD && job.model().current()) {
            return "Upscaling";
        }
        return job.label();
    }

    private static String head(Job job, String label) {
        String mention = job.origin().mention();
        String tail;
        if (label.isEmpty()) {
            tail = mention;
        } else if (job.kind() == JobKind.UPSCALE || job.kind() == JobKind.VIDEO_UPSCALE) {
            tail = label + " " + mention;
        } else {
            tail = label + " by " + mention;
        }
        return "**" + job.prompt() + "** - " + tail;
    }

    private static String promptWords(String prompt) {
        String text = LINK.matcher(PromptParams.parse(prompt).text()).replaceAll(" ");
        List<String> words = new ArrayList<>();
        int length = 0;
        for (String word : text.split("[^A-Za-z0-9]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (length + word.length() > MAX_FILENAME_WORDS_LENGTH) {
                break;
            }
            words.add(word.toLowerCase(Locale.ROOT));
            length += word.length() + 1;
        }
        return String.join("_", words);
    }

    /** The 2026 form: every run of other characters becomes one {@code _}, then the first 51 characters. */
    static String v7PromptWords(String prompt) {
        String text = LINK.matcher(PromptParams.parse(prompt).text()).replaceAll(" ").strip();
        String words = text.replaceAll("[^A-Za-z0-9-]+", "_");
        return words.length() > V7_FILENAME_WORDS_LENGTH ? words.substring(0, V7_FILENAME_WORDS_LENGTH) : words;
    }
}
