package dev.mjbridge.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * Document-wide touches of the OpenAPI document: the mode prefix's values (also where a handler does
 * not read the prefix), JSON as the answers' type, and null allowed where the service writes it (a
 * field not set yet is written as null, not left out, unless its schema says otherwise).
 */
final class OpenApiDocument {

    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    /** Request bodies: their fields may be null too, but JSON null is the same as absent there. */
    private static final Set<String> REQUEST_SCHEMAS = Set.of("AccountFilter", "AccountKeys");

    private OpenApiDocument() {
    }

    @SuppressWarnings("rawtypes")
    static void complete(OpenAPI openApi) {
        openApi.getPaths().forEach((path, item) -> {
            if (path.contains("{mode}")) {
                item.readOperations().forEach(OpenApiDocument::describeMode);
            }
            item.readOperations().forEach(OpenApiDocument::preferJson);
        });
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        schemas.forEach((name, schema) -> {
            if (!name.endsWith("Request") && !REQUEST_SCHEMAS.contains(name)) {
                allowNulls(schema);
            }
        });
    }

    private static void describeMode(Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>()
                : new java.util.ArrayList<>(operation.getParameters());
        parameters.removeIf(parameter -> "mode".equals(parameter.getName()) && "path".equals(parameter.getIn()));
        Schema<String> modes = new Schema<>();
        modes.addType("string");
        modes.setEnum(List.of("fast", "relax", "turbo"));
        parameters.add(0, new Parameter().name("mode").in("path").required(true).schema(modes)
                .description("the speed mode every job of this call runs in"));
        operation.setParameters(parameters);
    }

    /** springdoc says {@code *}{@code /*} for a return type it can write in any way; the API answers JSON. */
    private static void preferJson(Operation operation) {
        operation.getResponses().forEach((status, response) -> {
            Content content = response.getContent();
            if (content != null && content.containsKey("*/*") && content.size() == 1
                    && !"binary".equals(content.get("*/*").getSchema() == null ? null
                    : content.get("*/*").getSchema().getFormat())) {
                MediaType any = content.remove("*/*");
                content.addMediaType(JSON, any);
            }
        });
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void allowNulls(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        properties.replaceAll((name, property) -> {
            if (required.contains(name)) {
                return property;
            }
            if (property.get$ref() != null) {
                Schema none = new Schema<>();
                none.addType("null");
                return new Schema<>().anyOf(List.of(new Schema<>().$ref(property.get$ref()), none))
                        .description(property.getDescription());
            }
            if (property.getTypes() != null && !property.getTypes().isEmpty()) {
                property.addType("null");
            }
            return property;
        });
    }

}
