package dev.mjbridge.sandbox.bot;

/**
 * Whether Midjourney lets the account work, and if not, the embed title it answers with.
 */
public enum Standing {
    GOOD(null),
    BLOCKED("Blocked"),
    PENDING_MOD_MESSAGE("Pending mod message"),
    SUBSCRIPTION_PAUSED("Subscription paused"),
    PLAN_CANCELLED("Plan Cancelled"),
    TOS_NOT_ACCEPTED("Tos not accepted");

    private final String embedTitle;

    Standing(String embedTitle) {
        this.embedTitle = embedTitle;
    }

    public String embedTitle() {
        return embedTitle;
    }
}
