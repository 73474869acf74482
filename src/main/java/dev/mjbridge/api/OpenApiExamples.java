package dev.mjbridge.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.models.examples.Example;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The examples of the OpenAPI document, from {@code openapi/examples.json}: answers the sandbox gave
 * (host names made {@code localhost:8080}), referenced by name from the operations.
 */
record OpenApiExamples(String summary, Object value) {

    static Map<String, Example> load() {
        Map<String, OpenApiExamples> read;
        try (InputStream in = OpenApiExamples.class.getResourceAsStream("/openapi/examples.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi/examples.json is missing from the class path");
            }
            read = JsonMapper.builder().build().readValue(in, new TypeReference<LinkedHashMap<String, OpenApiExamples>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Example> examples = new LinkedHashMap<>();
        read.forEach((name, example) -> examples.put(name, new Example().summary(example.summary())
                .value(example.value())));
        return examples;
    }
}
