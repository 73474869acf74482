package dev.mjbridge.sandbox.bot;

/**
 * The error embeds of the Midjourney bot: title (what clients classify by), colour, and
 * the description used when the situation needs no specific words. Both reds occur on
 * Discord (the older 16711680 and the newer 15548997), so both are used.
 */
public enum ErrorKind {
    INVALID_PROMPT("Invalid prompt", Colors.RED, "The prompt could not be read."),
    INVALID_PARAMETER("Invalid parameter", Colors.RED, "A parameter of the prompt is not valid."),
    BANNED_PROMPT("Banned prompt detected", Colors.RED, "A word of the prompt is banned."),
    INVALID_LINK("Invalid link", Colors.RED, "Sorry, that link is not a valid image link. Links must start with http:// or https://."),
    CREDITS_EXHAUSTED("Credits exhausted", Colors.DISCORD_RED,
            "You have run out of fast time. Use `/relax` to keep working in relax mode, or buy more fast hours."),
    PENDING_MOD_MESSAGE("Pending mod message", Colors.DISCORD_RED,
            "You have a pending message from a moderator. Press Acknowledge to read it before making more jobs."),
    BLOCKED("Blocked", Colors.DISCORD_RED,
            "You have been blocked from accessing Midjourney. This happens usually because of violating the Terms of Service."),
    SUBSCRIPTION_REQUIRED("Subscription required", Colors.DISCORD_RED,
            "You need an active subscription to use Midjourney. Subscribe at https://www.midjourney.com/account"),
    SUBSCRIPTION_PAUSED("Subscription paused", Colors.DISCORD_RED,
            "Your subscription is paused. Resume it at https://www.midjourney.com/account to continue."),
    PLAN_CANCELLED("Plan Cancelled", Colors.DISCORD_RED,
            "Your plan has been cancelled. Subscribe again at https://www.midjourney.com/account"),
    TOS_NOT_ACCEPTED("Tos not accepted", Colors.DISCORD_RED,
            "Please accept the Terms of Service before using Midjourney."),
    DUPLICATE_IMAGES("Duplicate images detected", Colors.RED,
            "You provided the same image more than once. Please use different images."),
    CAPTCHA("Action required to continue", Colors.DISCORD_RED,
            "Please confirm that you are human to continue using Midjourney."),
    QUEUE_FULL("Queue full", Colors.RED,
            "Sorry, your job queue is full. Please wait for a job to finish first, then resubmit this one."),
    OUTPUT_FILTERED("Request cancelled due to output filters", Colors.RED,
            "Sorry! Our AI moderators feel your prompt might be against our community standards. "
                    + "Please rephrase your prompt and try again."),
    JOB_NOT_FOUND("Job not found", Colors.RED, "No job of yours has that id."),
    /** The AI moderator's soft flag: the user may appeal (wording <b>assumed</b>). */
    PROMPT_FLAGGED("Sorry! Our AI moderator thinks this prompt is probably against our community standards.",
            Colors.RED, "Please review our community guidelines and rephrase your prompt. "
                    + "If you think this is a mistake, press Appeal and a moderator will look at it again."),
    /** The answer to an appeal the moderators turned down (wording <b>assumed</b>). */
    APPEAL_REJECTED("Appeal rejected", Colors.RED,
            "A moderator reviewed your prompt and agreed with the AI moderator. Please rephrase your prompt.");

    private final String title;
    private final int color;
    private final String defaultDescription;

    ErrorKind(String title, int color, String defaultDescription) {
        this.title = title;
        this.color = color;
        this.defaultDescription = defaultDescription;
    }

    public String title() {
        return title;
    }

    public int color() {
        return color;
    }

    public String defaultDescription() {
        return defaultDescription;
    }

    /** The error a user in this standing gets, for standings that forbid work. */
    public static ErrorKind of(Standing standing) {
        return switch (standing) {
            case BLOCKED -> BLOCKED;
            case PENDING_MOD_MESSAGE -> PENDING_MOD_MESSAGE;
            case SUBSCRIPTION_PAUSED -> SUBSCRIPTION_PAUSED;
            case PLAN_CANCELLED -> PLAN_CANCELLED;
            case TOS_NOT_ACCEPTED -> TOS_NOT_ACCEPTED;
            case GOOD -> throw new IllegalArgumentException("a good standing is no error");
        };
    }

    /** Embed colours Midjourney uses. */
    public static final class Colors {
        public static final int RED = 16711680;
        public static final int DISCORD_RED = 15548997;
        public static final int YELLOW = 16776960;

        private Colors() {
        }
    }
}
