package dev.mjbridge.api;

import java.util.List;
import java.util.Map;

import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;

/**
 * What the OpenAPI document says of each operation beyond what springdoc reads from the controller,
 * decided by the controller that serves it: its tag, the secrets it needs, and the answers every
 * endpoint may give (401 without the secret, 403 with the admin API off, 429, 500, and 400 for bad
 * input outside the submits, which answer HTTP 200 whatever happens).
 */
final class OpenApiOperations {

    static final String ENVELOPE = "#/components/schemas/Envelope";
    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    /** Real answers shown on the operations (by handler method) that give them, besides the envelope's own. */
    private static final Map<String, String> ANSWER_EXAMPLES = Map.of("imageSeed", "seed", "upload", "upload",
            "cancel", "cancelFinished", "status", "reloadStatus");

    private OpenApiOperations() {
    }

    static Operation describe(Operation operation, HandlerMethod handler) {
        Class<?> controller = handler.getBeanType();
        boolean admin = controller.isAnnotationPresent(AdminOnly.class);
        operation.setTags(List.of(tag(controller, admin)));
        if (controller == ImageController.class) {
            // Public unless mj.images.require-secret: either no header or the api secret.
            operation.setSecurity(List.of(new SecurityRequirement(),
                    new SecurityRequirement().addList(OpenApiConfiguration.API_SECRET)));
        } else if (admin) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(OpenApiConfiguration.API_SECRET)
                    .addList(OpenApiConfiguration.ADMIN_SECRET)));
        } else {
            operation.setSecurity(List.of(new SecurityRequirement().addList(OpenApiConfiguration.API_SECRET)));
        }
        ApiResponses responses = operation.getResponses();
        if (isSubmit(controller)) {
            describeSubmitAnswer(operation);
        } else {
            responses.addApiResponse("400", envelope("bad input: code 4 naming the field", "invalid"));
        }
        String example = ANSWER_EXAMPLES.get(handler.getMethod().getName());
        if (example != null) {
            responses.get("200").getContent().forEach((type, media) -> media.addExamples(example, reference(example)));
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
            json.addExamples(example, reference(example));
        }
        operation.getResponses().addApiResponse("200", ok);
    }

    private static io.swagger.v3.oas.models.responses.ApiResponse envelope(String description, String example) {
        MediaType json = new MediaType().schema(new Schema<>().$ref(ENVELOPE));
        if (example != null) {
            json.addExamples(example, reference(example));
        }
        return new io.swagger.v3.oas.models.responses.ApiResponse().description(description)
                .content(new Content().addMediaType(JSON, json));
    }

    private static Example reference(String example) {
        return new Example().$ref("#/components/examples/" + example);
    }
}
