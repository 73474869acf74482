package dev.mjbridge.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The envelope every submit (and every error) answers with:
 * {@code {"code", "description", "result", "properties"}}. {@code properties} is never
 * null, clients index into it without checking.
 *
 * @param result the task id for submits, a seed, a list of URLs, ...; null on errors
 */
@JsonPropertyOrder({"code", "description", "result", "properties"})
@Schema(name = "Envelope", description = "The answer of every submit and every error.",
        requiredProperties = {"code", "description", "result", "properties"})
public record ApiResponse(
        @Schema(description = "what happened: 1, 21, 22 accepted; 3, 4, 9, 23, 24 not (see the result codes)",
                example = "1") int code,
        @Schema(description = "for people; on code 4 it reads `<field>: <reason>`", example = "Submit Success")
        String description,
        @Schema(description = "the task id of a submit, a seed, a list of URLs, an account, ...; null on errors")
        Object result,
        @Schema(description = "more about the answer, e.g. discordInstanceId, numberOfQueues; never null")
        Map<String, Object> properties) {

    public ApiResponse {
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public static ApiResponse success(String description, Object result) {
        return new ApiResponse(ResultCode.SUBMITTED, description, result, Map.of());
    }

    public static ApiResponse submitted(String taskId, String accountId) {
        return new ApiResponse(ResultCode.SUBMITTED, "Submit Success", taskId,
                properties("discordInstanceId", accountId));
    }

    public static ApiResponse queued(String taskId, String accountId, int ahead) {
        Map<String, Object> properties = properties("numberOfQueues", ahead);
        properties.put("discordInstanceId", accountId);
        return new ApiResponse(ResultCode.QUEUED, "In queue, " + ahead + " task(s) ahead", taskId, properties);
    }

    /** Queued for the account's pacing (daily limit, send interval, work hours) rather than behind other tasks. */
    public static ApiResponse paced(String taskId, String accountId, Instant startsAt) {
        Map<String, Object> properties = properties("numberOfQueues", 0);
        properties.put("discordInstanceId", accountId);
        properties.put("startsAt", startsAt.toEpochMilli());
        return new ApiResponse(ResultCode.QUEUED, "In queue: account " + accountId + "'s pacing lets it send at "
                + startsAt.truncatedTo(ChronoUnit.SECONDS), taskId, properties);
    }

    public static ApiResponse modal(String taskId, String finalPrompt, boolean remix) {
        Map<String, Object> properties = properties("finalPrompt", finalPrompt);
        properties.put("remix", remix);
        return new ApiResponse(ResultCode.MODAL, "Waiting for the modal: call /mj/submit/modal", taskId, properties);
    }

    public static ApiResponse noCapacity(String reason) {
        String detail = reason == null || reason.isBlank() ? "" : " (" + reason + ")";
        return new ApiResponse(ResultCode.NO_CAPACITY, "Queue full, please try again later" + detail, null, Map.of());
    }

    public static ApiResponse bannedPrompt(String promptEn, String bannedWord) {
        Map<String, Object> properties = properties("promptEn", promptEn);
        properties.put("bannedWord", bannedWord);
        return new ApiResponse(ResultCode.BANNED_PROMPT, "The prompt contains a banned word: " + bannedWord, null,
                properties);
    }

    public static ApiResponse notFound(String description) {
        return new ApiResponse(ResultCode.NOT_FOUND, description, null, Map.of());
    }

    /** A validation error: {@code "<field>: <reason>"}. */
    public static ApiResponse invalid(String field, String reason) {
        return new ApiResponse(ResultCode.INVALID, field + ": " + reason, null, Map.of());
    }

    public static ApiResponse failure(String description) {
        return new ApiResponse(ResultCode.FAILURE, description, null, Map.of());
    }

    /** A mutable map that, unlike {@code Map.of}, takes a null value (an account not known yet). */
    private static Map<String, Object> properties(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }
}
