package dev.mjbridge.midjourney;

import java.util.Locale;

/** Why Midjourney refused or stopped a job, from the title (or text) of its error. */
public enum Moderation {
    /** Not a failure the parser knows (also: not a failure at all, e.g. "Job queued"). */
    NONE,
    BANNED_PROMPT,
    /** Invalid parameter, invalid prompt, invalid link: the request itself is wrong. */
    INVALID_PARAMETER,
    BLOCKED,
    PENDING_MOD_MESSAGE,
    SUBSCRIPTION_REQUIRED,
    SUBSCRIPTION_PAUSED,
    PLAN_CANCELLED,
    CREDITS_EXHAUSTED,
    /** "Action needed/required to continue": a captcha stands between the account and Midjourney. */
    CAPTCHA,
    QUEUE_FULL,
    OUTPUT_FILTERED,
    DUPLICATE_IMAGES,
    SLOW_DOWN,
    TOS_NOT_ACCEPTED,
    /**
     * Midjourney's AI moderator held the prompt back ("Sorry! Our AI moderator thinks this prompt is
     * probably against our community standards"); the message offers an Appeal button.
     */
    PROMPT_FLAGGED,
    /** The answer to an appeal: the moderator's decision stands and the job does not run. */
    APPEAL_REJECTED,
    /** A failure with a title the parser does not know. */
    OTHER;

    /**
     * Classifies an error by its title, falling back to the description for the few
     * errors Midjourney sends without a telling title.
     *
     * @return {@link #NONE} when neither says which failure it is
     */
    public static Moderation classify(String title, String description) {
        Moderation byTitle = classifyText(title);
        if (byTitle != NONE) {
            return byTitle;
        }
        String text = normalise(description);
        if (text.contains("job queue is full")) {
            return QUEUE_FULL;
        }
        if (text.contains("ai moderator thinks")) {
            return PROMPT_FLAGGED;
        }
        return NONE;
    }

    /** Whether this outcome is about the account rather than the prompt, so another account may succeed. */
    public boolean blamesAccount() {
        return switch (this) {
            case BLOCKED, SUBSCRIPTION_REQUIRED, SUBSCRIPTION_PAUSED, PLAN_CANCELLED, CREDITS_EXHAUSTED,
                 CAPTCHA, QUEUE_FULL, SLOW_DOWN, TOS_NOT_ACCEPTED, PENDING_MOD_MESSAGE -> true;
            default -> false;
        };
    }

    private static Moderation classifyText(String title) {
        String t = normalise(title);
        if (t.isEmpty()) {
            return NONE;
        }
        if (t.startsWith("banned prompt")) {
            return BANNED_PROMPT;
        }
        if (t.startsWith("invalid parameter") || t.startsWith("invalid prompt") || t.startsWith("invalid link")) {
            return INVALID_PARAMETER;
        }
        if (t.startsWith("pending mod message")) {
            return PENDING_MOD_MESSAGE;
        }
        if (t.startsWith("subscription required")) {
            return SUBSCRIPTION_REQUIRED;
        }
        if (t.startsWith("subscription paused")) {
            return SUBSCRIPTION_PAUSED;
        }
        if (t.startsWith("plan cancelled") || t.startsWith("plan canceled")) {
            return PLAN_CANCELLED;
        }
        if (t.startsWith("credits exhausted")) {
            return CREDITS_EXHAUSTED;
        }
        if (t.startsWith("action needed to continue") || t.startsWith("action required to continue")) {
            return CAPTCHA;
        }
        if (t.startsWith("queue full")) {
            return QUEUE_FULL;
        }
        if (t.contains("output filter")) {
            return OUTPUT_FILTERED;
        }
        if (t.startsWith("duplicate images")) {
            return DUPLICATE_IMAGES;
        }
        if (t.startsWith("slow down")) {
            return SLOW_DOWN;
        }
        if (t.startsWith("tos not accepted")) {
            return TOS_NOT_ACCEPTED;
        }
        if (t.contains("ai moderator thinks")) {
            return PROMPT_FLAGGED;
        }
        if (t.startsWith("appeal rejected") || t.startsWith("appeal denied")) {
            return APPEAL_REJECTED;
        }
        if (t.equals("blocked") || t.startsWith("blocked ") || t.startsWith("blocked!")) {
            return BLOCKED;
        }
        return NONE;
    }

    private static String normalise(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }
}
