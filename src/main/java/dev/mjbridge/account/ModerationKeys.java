package dev.mjbridge.account;

/**
 * What an account may do on its own when Midjourney's moderation stops it (docs/accounts.md,
 * Moderation recovery).
 *
 * @param autoAcknowledge press Acknowledge on a "Pending mod message" and follow the moderator's answer
 * @param autoAcceptTos   press Accept on "Tos not accepted"; off by default, since accepting terms is
 *                        the owner's decision
 */
public record ModerationKeys(boolean autoAcknowledge, boolean autoAcceptTos) {

    public static final ModerationKeys DEFAULTS = new ModerationKeys(true, false);
}
