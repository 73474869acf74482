package dev.mjbridge.midjourney;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Collects the correlation keys of a dispatch payload. */
final class Correlations {

    private Correlations() {
    }

    /** The keys of a {@code MESSAGE_CREATE}/{@code MESSAGE_UPDATE} payload. */
    static Correlation ofMessage(JsonNode d, BotType bot, JobContent job) {
        String interactionId = firstOf(Json.nonBlank(d, "interaction_metadata", "id"),
                Json.nonBlank(d, "interaction", "id"));
        String referenced = firstOf(Json.nonBlank(d, "message_reference", "message_id"),
                Json.nonBlank(d, "interaction_metadata", "interacted_message_id"));
        String jobHash = MessageParts.jobHashOfAttachments(d);
        if (jobHash == null) {
            jobHash = jobHashOfButtons(MessageParts.buttons(d));
        }
        String user = job == null ? null : job.mentionedUserId();
        if (user == null) {
            user = Json.elements(d, "mentions").stream()
                    .map(mention -> Json.nonBlank(mention, "id"))
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null);
        }
        if (user == null) {
            user = firstOf(Json.nonBlank(d, "interaction_metadata", "user", "id"),
                    Json.nonBlank(d, "interaction", "user", "id"));
        }
        return new Correlation(
                Json.nonBlank(d, "nonce"),
                interactionId,
                Json.nonBlank(d, "id"),
                referenced,
                jobHash,
                job == null ? null : job.prompt(),
                user,
                Json.nonBlank(d, "channel_id"),
                Json.nonBlank(d, "guild_id"),
                bot);
    }

    /**
     * The job hash the buttons name. The start of a button action (upscale, vary, zoom, pan, animate)
     * has no attachment yet; its {@code MJ::CancelJob::ByJobid::<uuid>} names the new job, so it wins.
     */
    private static String jobHashOfButtons(List<Button> buttons) {
        return buttons.stream()
                .filter(button -> button.is(CustomId.Kind.CANCEL_JOB))
                .map(button -> button.parsedCustomId().jobHash())
                .filter(Objects::nonNull)
                .findFirst()
                .orElseGet(() -> buttons.stream()
                        .map(button -> button.parsedCustomId().jobHash())
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse(null));
    }

    /** The keys of an {@code INTERACTION_*} payload, whose {@code id} is the interaction id. */
    static Correlation ofInteraction(JsonNode d, String jobHash, BotType bot) {
        return new Correlation(Json.nonBlank(d, "nonce"), Json.nonBlank(d, "id"), null, null, jobHash, null, null,
                Json.nonBlank(d, "channel_id"), Json.nonBlank(d, "guild_id"), bot);
    }

    /** The keys of a {@code MESSAGE_DELETE} payload. */
    static Correlation ofDeletion(JsonNode d) {
        return new Correlation(null, null, Json.nonBlank(d, "id"), null, null, null, null,
                Json.nonBlank(d, "channel_id"), Json.nonBlank(d, "guild_id"), null);
    }

    /** The application an interaction payload names, if any. */
    static String applicationId(JsonNode d) {
        return firstOf(Json.nonBlank(d, "application", "id"), Json.nonBlank(d, "application_id"));
    }

    private static String firstOf(String preferred, String fallback) {
        return Optional.ofNullable(preferred).orElse(fallback);
    }
}
