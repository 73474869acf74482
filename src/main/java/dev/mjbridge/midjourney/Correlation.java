package dev.mjbridge.midjourney;

/**
 * Every key a Discord payload gave for matching it to a task, strongest first. Any
 * component may be {@code null}. Match on the nonce when present, then the interaction
 * id, then message ids, then the job hash; the prompt is a last resort only.
 *
 * @param nonce               the nonce we sent with the interaction
 * @param interactionId       {@code interaction_metadata.id}, else {@code interaction.id}
 *                            (for {@code INTERACTION_*} dispatches: their {@code id})
 * @param messageId           the message's own id
 * @param referencedMessageId the message this one answers: {@code message_reference.message_id},
 *                            else {@code interaction_metadata.interacted_message_id}
 *                            (the message whose button was pressed)
 * @param jobHash             the job UUID, from the attachment filename or the custom ids
 * @param prompt              the text between the first {@code **} pair of the content
 * @param mentionedUserId     the Discord user the job belongs to
 * @param channelId           the channel of the message
 * @param guildId             the guild of the message, {@code null} in DMs
 * @param botType             which bot sent it, {@code null} when the payload did not say
 */
public record Correlation(
        String nonce,
        String interactionId,
        String messageId,
        String referencedMessageId,
        String jobHash,
        String prompt,
        String mentionedUserId,
        String channelId,
        String guildId,
        BotType botType) {

    /** A correlation with no keys at all. */
    public static final Correlation NONE = new Correlation(null, null, null, null, null, null, null, null, null, null);

    Correlation withJobHash(String hash) {
        return new Correlation(nonce, interactionId, messageId, referencedMessageId, hash, prompt, mentionedUserId,
                channelId, guildId, botType);
    }

    Correlation withPrompt(String text) {
        return new Correlation(nonce, interactionId, messageId, referencedMessageId, jobHash, text, mentionedUserId,
                channelId, guildId, botType);
    }
}
