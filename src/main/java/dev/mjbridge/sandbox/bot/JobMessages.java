package dev.mjbridge.sandbox.bot;

import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words and shapes of a job's messages (DESIGN.md "Message life of one job"):
 * {@code **prompt** - <label> <@U> (Waiting to start)}, then {@code (NN%) (fast)}, then
 * the result with its image and buttons.
 */
final class JobMessages {

    private static final Pattern LINK = Pattern.compile("<?https?://\\S+>?");
    private static final int MAX_FILENAME_WORDS_LENGTH = 60;
    private static final String[] NUMBER_WORDS = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve"};

    private JobMessages() {
    }

    static String waiting(Job job) {
        return head(job) + " (Waiting to start)";
    }

    static String progress(Job job, int percent) {
        return head(job) + " (" + percent + "%) (" + modeLabel(job) + ")";
    }

    static String paused(Job job) {
        return head(job) + " (paused)";
    }

    /** The result's content; an "Image #n" names no mode, as Midjourney's do not. */
    static String result(Job job) {
        return job.kind() == JobKind.UPSCALE ? head(job) : head(job) + " (" + modeLabel(job) + ")";
    }

    /** {@code fast}, {@code relaxed}, {@code turbo}, with {@code , stealth} for stealth jobs. */
    static String modeLabel(Job job) {
        return job.mode().contentLabel() + (job.stealth() ? ", stealth" : "");
    }

    /** {@code <user>_<prompt words>_<hash>.png}, as Midjourney names its results. */
    static String resultFilename(Job job) {
        String user = job.user().username().replaceAll("[^A-Za-z0-9]+", "_");
        String words = promptWords(job.prompt());
        return user + (words.isEmpty() ? "" : "_" + words) + "_" + job.hash() + ".png";
    }

    static String previewFilename(Job job) {
        return job.hash() + "_grid_0.webp";
    }

    /** The message the job starts with: it answers the interaction, so it carries the nonce unless queued first. */
    static ObjectNode startMessage(Job job, boolean withNonce) {
        ObjectNode message = BotMessages.base(job.app(), job.user());
        message.put("content", waiting(job));
        BotMessages.answering(message, job.origin(), withNonce);
        BotMessages.replyTo(message, job.channel(), job.parentMessageId());
        return message;
    }

    /**
     * The result: a new message without nonce. Results of buttons reply to the message
     * whose button was pressed and name the interaction; imagine results name nothing.
     */
    static ObjectNode resultMessage(Job job, ObjectNode attachment) {
        ObjectNode message = BotMessages.base(job.app(), job.user());
        message.put("content", result(job));
        message.putArray("attachments").add(attachment);
        message.set("components", Buttons.forResult(job));
        if (job.parentMessageId() != null) {
            message.set("interaction_metadata", job.origin().metadata());
            BotMessages.replyTo(message, job.channel(), job.parentMessageId());
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

    private static String head(Job job) {
        String mention = job.origin().mention();
        String tail;
        if (job.label().isEmpty()) {
            tail = mention;
        } else if (job.kind() == JobKind.UPSCALE) {
            tail = job.label() + " " + mention;
        } else {
            tail = job.label() + " by " + mention;
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
}
