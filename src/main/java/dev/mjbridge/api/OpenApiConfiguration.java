package dev.mjbridge.api;

import java.util.List;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * The OpenAPI 3.1 document springdoc serves at {@code /v3/api-docs} (and Swagger UI at
 * {@code /swagger-ui.html}). springdoc reads the controllers and the request records; this adds what
 * it cannot see: the result codes, the answers every endpoint may give besides its own (401 without
 * {@code mj-api-secret}, 403/401 for the admin secret, 429, 500), the two secrets as security schemes,
 * the mode prefix's values, and examples that are real answers of the sandbox
 * ({@link OpenApiOperations}, {@link OpenApiDocument}, {@link OpenApiExamples}). {@code OpenApiContractTest}
 * checks live answers against it.
 * <p>
 * The document and Swagger UI are not behind {@code mj-api-secret}: they describe the API, which the
 * README documents in public anyway, and hold no setting, account or secret.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String API_SECRET = ApiSecretFilter.HEADER;
    static final String ADMIN_SECRET = AdminSecretInterceptor.HEADER;

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
        return new OpenAPI()
                .info(new Info().title("mj-bridge").version("1").description(DESCRIPTION))
                .tags(List.of(
                        new Tag().name("submit").description("start a job or press a button; always HTTP 200, read code"),
                        new Tag().name("task").description("read, list, cancel and follow tasks"),
                        new Tag().name("account").description("the account pool, as clients may see it"),
                        new Tag().name("admin").description("change the pool; needs mj-admin-secret"),
                        new Tag().name("image").description("stored pictures and clips")))
                .components(new Components()
                        .addSecuritySchemes(API_SECRET, header(API_SECRET,
                                "the value of mj.api-secret; needed only when it is set"))
                        .addSecuritySchemes(ADMIN_SECRET, header(ADMIN_SECRET,
                                "the value of mj.admin-secret; the admin endpoints answer 403 while it is not set"))
                        .examples(OpenApiExamples.load()));
    }

    /** Security, tags and the answers every endpoint may give, by the controller that serves it. */
    @Bean
    GlobalOperationCustomizer mjBridgeOperations() {
        return OpenApiOperations::describe;
    }

    /** The mode prefix's values, JSON answers, and null where the service writes null. */
    @Bean
    GlobalOpenApiCustomizer mjBridgeDocument() {
        return OpenApiDocument::complete;
    }

    private static SecurityScheme header(String name, String description) {
        return new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(name)
                .description(description);
    }
}
