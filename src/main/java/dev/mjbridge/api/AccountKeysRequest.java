package dev.mjbridge.api;

import com.fasterxml.jackson.annotation.JsonCreator;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of {@code POST /mj/account/create} and {@code PUT /mj/account/{id}}: an object with the keys of
 * accounts.yml. The keys are an open set checked by {@link AccountFields} (whose reasons name the key),
 * so the object is taken whole.
 */
@Schema(name = "AccountKeys", type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
        description = "Keys of an accounts.yml entry (id, guildId, channelId, userToken, concurrency, ...); "
                + "on update a null removes a key.",
        example = "{\"id\": \"second\", \"guildId\": \"1100000000000000001\", \"channelId\": "
                + "\"1100000000000000002\", \"userToken\": \"${SECOND_TOKEN}\", \"concurrency\": 3}")
record AccountKeysRequest(ObjectNode keys) implements JsonRequest {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    AccountKeysRequest {
    }
}
