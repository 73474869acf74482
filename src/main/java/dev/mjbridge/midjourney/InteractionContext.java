package dev.mjbridge.midjourney;

/**
 * Where and as whom an interaction is sent.
 *
 * @param guildId   the guild of the channel, {@code null} for a DM channel
 * @param channelId the channel the command runs in
 * @param sessionId the gateway session id of the account ({@code READY.session_id})
 * @param nonce     our correlation key; Midjourney echoes it on its first reply
 * @param botType   which bot the interaction addresses
 */
public record InteractionContext(String guildId, String channelId, String sessionId, String nonce, BotType botType) {

    public InteractionContext {
        if (botType == null) {
            botType = BotType.MID_JOURNEY;
        }
    }
}
