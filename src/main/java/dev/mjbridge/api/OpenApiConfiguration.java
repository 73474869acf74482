package dev.mjbridge.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI 3.1 document springdoc serves at {@code /v3/api-docs} (and Swagger UI at
 * {@code /swagger-ui.html}). springdoc reads the controllers and the request records; this adds what
 * it cannot see: the result codes, the answers every endpoint may give besides its own (401 without
 * {@code mj-api-secret}, 403/401 for the admin secret, 429, 500), the two secrets as security schemes,
 * the mode prefix's values, and examples that are real answers of the sandbox
 * ({@code openapi/examples.json}). {@code OpenApiContractTest} checks live answers against it.
 * <p>
 * The document and Swagger UI are not behind {@code mj-api-secret}: they describe the API, which is
 * public (this README says as much); they hold no setting, account or secret.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String API_SECRET = ApiSecretFilter.HEADER;
    static final String ADMIN_SECRET = AdminSecretInterceptor.HEADER;
    static final String ENVELOPE = "#/components/schemas/Envelope";
    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    /** Real answers shown on the operations (by handler method) that give them, besides the envelope's own. */
    private static final Map<String, String> ANSWER_EXAMPLES = Map.of("imageSeed", "seed", "upload", "upload",
            "cancel", "cancelFinished", "status", "reloadStatus");
    /** Request bodies: their fields may be null (JSON null is the same as absent). */
    private static final Set<String> REQUEST_SCHEMAS = Set.of("AccountFilter", "AccountKeys");

    private static final String DESCRIPTION = """
            A self-hosted Midjourney API in the dialect of midjourney-proxy. Every endpoint also answers \
            under the mode prefixes `/mj-fast/mj`, `/mj-relax/mj` and `/mj-turbo/mj`.

            Submits (`/mj/submit/...`) always answer HTTP 200 with the envelope \
            `{code, description, result, properties}`; clients read `code`:

            | code | meaning |
            |---|---|
            | 1 | submitted; `result` is the task id |
            | 3 | the task (or account) named does not exist |
            | 4 | bad input: `description` reads `<field>: <reason>` |
            | 9 | internal failure, or Discord did not answer |
            | 21 | the task waits in MODAL for `/mj/submit/modal` |
            | 22 | accepted and queued; `properties.numberOfQueues` tasks ahead |
            | 23 | no account can take it now (queues full, none matching, none healthy) |
            | 24 | the prompt holds a banned word (`properties.bannedWord`) |

            Other endpoints answer code 4 with HTTP 400. With `mj.api-secret` set every call needs the \
            `mj-api-secret` header (stored images only with `mj.images.require-secret`); the admin \
            endpoints need `mj-admin-secret` and answer 403 while `mj.admin-secret` is not set.""";

    @Bean
    OpenAPI mjBridgeOpenApi() {
        Map<String, Example> examples = new LinkedHashMap<>();
        Examples.load().forEach((name, example) -> examples.put(name, new Example()
                .summary(example.summary()).value(example.value())));
        return new OpenAPI()
                .info(new Info().title("mj-bridge").version("1").description(DESCRIPTION))
                .components(new Components()
                        .addSecuritySchemes(API_SECRET, header(API_SECRET,
                                "the value of mj.api-secret; needed only when it is set"))
                        .addSecuritySchemes(ADMIN_SECRET, header(ADMIN_SECRET,
                                "the value of mj.admin-secret; the admin endpoints answer 403 while it is not set"))
                        .examples(examples));
    }

    /** Security, tags and the answers every endpoint may give, by the controller that serves it. */
    @Bean
    GlobalOperationCustomizer mjBridgeOperations() {
        return (operation, handler) -> {
            Class<?> controller = handler.getBeanType();
            boolean admin = controller.isAnnotationPresent(AdminOnly.class);
            boolean image = controller == ImageController.class;
            operation.setTags(List.of(tag(controller, admin)));
            if (image) {
                // Public unless mj.images.require-secret: either no header or the api secret.
                operation.setSecurity(List.of(new SecurityRequirement(), new SecurityRequirement().addList(API_SECRET)));
            } else if (admin) {
                operation.setSecurity(List.of(new SecurityRequirement().addList(API_SECRET).addList(ADMIN_SECRET)));
            } else {
                operation.setSecurity(List.of(new SecurityRequirement().addList(API_SECRET)));
            }
            ApiResponses responses = operation.getResponses();
            if (isSubmit(controller)) {
                describeSubmitAnswer(operation);
            } else {
                responses.addApiResponse("400", envelope("bad input: code 4 naming the field", "invalid"));
            }
            String example = ANSWER_EXAMPLES.get(handler.getMethod().getName());
            if (example != null) {
                responses.get("200").getContent().forEach((type, media) -> media.addExamples(example,
                        new Example().$ref("#/components/examples/" + example)));
            }
            responses.addApiResponse("401", envelope("mj-api-secret (or mj-admin-secret) missing or wrong",
                    "unauthorized"));
            if (admin) {
                responses.addApiResponse("403", envelope("the admin API is off: mj.admin-secret is not set", null));
            }
            responses.addApiResponse("429", envelope("more than mj.rate-limit.per-minute requests from this "
                    + "address; see Retry-After", null));
            responses.addApiResponse("500", envelope("an internal failure (code 9); the log has the details", null));
            return operation;
        };
    }

    /**
     * Document-wide: the mode prefix's values, JSON as the answers' type, and null allowed where the
     * service writes it (a field not set yet is written as null, never left out, unless documented).
     */
    @Bean
    GlobalOpenApiCustomizer mjBridgeDocument() {
        return openApi -> {
            openApi.getPaths().forEach((path, item) -> {
                if (path.contains("{mode}")) {
                    item.readOperations().forEach(OpenApiConfiguration::describeMode);
                }
                item.readOperations().forEach(OpenApiConfiguration::preferJson);
            });
            Map<String, Schema> schemas = openApi.getComponents().getSchemas();
            schemas.forEach((name, schema) -> {
                if (!name.endsWith("Request") && !REQUEST_SCHEMAS.contains(name)) {
                    allowNulls(schema);
                }
            });
        };
    }

    private static SecurityScheme header(String name, String description) {
        return new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(name)
                .description(description);
    }

    private static String tag(Class<?> controller, boolean admin) {
        if (admin) {
            return "admin";
        }
        if (isSubmit(controller)) {
            return "submit";
        }
        if (controller == ImageController.class) {
            return "image";
        }
        return controller == AccountController.class ? "account" : "task";
    }

    private static boolean isSubmit(Class<?> controller) {
        return controller == SubmitController.class || controller == ActionController.class
                || controller == UploadController.class;
    }

    private static void describeSubmitAnswer(Operation operation) {
        io.swagger.v3.oas.models.responses.ApiResponse ok = envelope(
                "always HTTP 200: `code` says what happened (1, 21, 22 accepted; 3, 4, 23, 24, 9 not)", null);
        MediaType json = ok.getContent().get(JSON);
        for (String example : List.of("submitted", "queued", "noCapacity", "banned", "invalid", "notFound")) {
            json.addExamples(example, new Example().$ref("#/components/examples/" + example));
        }
        operation.getResponses().addApiResponse("200", ok);
    }

    private static io.swagger.v3.oas.models.responses.ApiResponse envelope(String description, String example) {
        MediaType json = new MediaType().schema(new Schema<>().$ref(ENVELOPE));
        if (example != null) {
            json.addExamples(example, new Example().$ref("#/components/examples/" + example));
        }
        return new io.swagger.v3.oas.models.responses.ApiResponse().description(description)
                .content(new Content().addMediaType(JSON, json));
    }

    private static void describeMode(Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? new java.util.ArrayList<>()
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

    /** The examples, loaded once from {@code openapi/examples.json}: answers the sandbox gave. */
    record Examples(String summary, Object value) {

        static Map<String, Examples> load() {
            try (InputStream in = OpenApiConfiguration.class.getResourceAsStream("/openapi/examples.json")) {
                if (in == null) {
                    throw new IllegalStateException("openapi/examples.json is missing from the class path");
                }
                return JsonMapper.builder().build().readValue(in, new TypeReference<LinkedHashMap<String, Examples>>() {
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
