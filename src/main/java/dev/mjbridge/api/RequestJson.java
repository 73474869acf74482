package dev.mjbridge.api;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.JsonNodeFactory;

import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.midjourney.BlendDimensions;
import dev.mjbridge.midjourney.BotType;

/**
 * Binds a request body's bytes to its {@link JsonRequest} record with Jackson, turning every problem
 * into a code 4 that names the field by its JSON path ({@code accountFilter.modes[1]: ...}). JSON null
 * and absence mean the same; unknown fields are ignored (clients send extras).
 */
final class RequestJson {

    private static final int MAX_PARSER_MESSAGE = 160;
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // A null inside a list is a value of the wrong type, not a missing field.
            .changeDefaultNullHandling(value -> JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .addModule(new SimpleModule("mj-request-values")
                    .addDeserializer(String.class, new RequestValues.Text())
                    .addDeserializer(Boolean.class, new RequestValues.Flag())
                    .addDeserializer(Integer.class, new RequestValues.WholeNumber())
                    .addDeserializer(BotType.class, new RequestValues.Choice<>(SubmitOptions::botType,
                            SubmitOptions.BOT_TYPES, true))
                    .addDeserializer(BlendDimensions.class, new RequestValues.Choice<>(BlendRequest::dimensions,
                            BlendRequest.DIMENSIONS, true))
                    .addDeserializer(VideoRequest.Motion.class, new RequestValues.Choice<>(VideoRequest.Motion::parse,
                            VideoRequest.MOTIONS, true))
                    .addDeserializer(ChangeRequest.ChangeAction.class, new RequestValues.Choice<>(
                            ChangeRequest.ChangeAction::parse, ChangeRequest.ACTIONS, true))
                    .addDeserializer(SpeedMode.class, new RequestValues.Choice<>(SpeedMode::parse,
                            SubmitOptions.MODES, false)))
            .build();

    private RequestJson() {
    }

    /** The body as {@code type}; {@code bytes} holds more than whitespace. */
    static <T extends JsonRequest> T bind(byte[] bytes, Class<T> type) {
        JsonNode root = parse(bytes);
        if (!root.isObject() && type == TaskIdsRequest.class) {
            // list-by-condition has always taken a bare array of ids as well as {"ids": [...]}: any other
            // body is read as the ids (null as none, a string as "ids: must be an array").
            root = JsonNodeFactory.instance.objectNode().set("ids", root);
        }
        if (!root.isObject()) {
            throw RejectedRequest.invalid("body", "must be a JSON object");
        }
        try {
            return JSON.treeToValue(root, type);
        } catch (JacksonException e) {
            throw RejectedRequest.invalid(field(e), reason(e));
        }
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw RejectedRequest.invalid("body", "is required (a JSON object)");
            }
            return root;
        } catch (JacksonException e) {
            throw RejectedRequest.invalid("body", "is not valid JSON (" + describe(e) + ")");
        }
    }

    /** The JSON path of the value at fault: {@code accountFilter.modes[1]}, {@code body} for the whole. */
    private static String field(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String reason(JacksonException e) {
        if (e instanceof FieldRejection) {
            return e.getOriginalMessage();
        }
        if (e instanceof InvalidNullException) {
            return "must be a string";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (Collection.class.isAssignableFrom(target)) {
                return "must be an array of strings";
            }
            if (target.isRecord()) {
                return "must be an object";
            }
        }
        return "has a value of the wrong type";
    }

    private static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        message = message.replaceAll("\\s+", " ").trim();
        if (message.length() > MAX_PARSER_MESSAGE) {
            message = message.substring(0, MAX_PARSER_MESSAGE) + "...";
        }
        TokenStreamLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            message += " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        }
        return message;
    }

    /** The names of a request record's fields in declaration order: the order problems are told in. */
    static List<String> components(Class<?> type) {
        if (!type.isRecord()) {
            return List.of();
        }
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
