package dev.mjbridge.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * {@code POST /mj/task/list-by-condition}: {@code {"ids": [...]}}, or a bare array of ids (read as if
 * it were {@code ids}). Ids may be numbers; blank ones are left out.
 */
@Schema(name = "TaskIdsRequest")
record TaskIdsRequest(
        @ArraySchema(arraySchema = @Schema(description = "task ids; unknown ones are left out of the answer"),
                schema = @Schema(example = "1732800000000123"))
        @JsonSetter(contentNulls = Nulls.SKIP) @JsonDeserialize(contentUsing = RequestValues.Id.class) List<String> ids) implements JsonRequest {

    TaskIdsRequest {
        ids = ids == null ? List.of() : ids.stream().filter(id -> !id.isBlank()).toList();
    }
}
