package dev.mjbridge.it.flows;

import dev.mjbridge.account.AccountPool;
import dev.mjbridge.it.MjApi;
import dev.mjbridge.it.SandboxedAccounts;
import dev.mjbridge.sandbox.SandboxAccount;
import dev.mjbridge.sandbox.SandboxServer;
import dev.mjbridge.sandbox.SandboxSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remix with the client's own prompt. The sandbox-mode accounts always auto-submit remix
 * pop-ups, so this flow runs the app the way an operator does: an accounts file (with
 * {@code remixAutoSubmit: false}) and {@code mj.discord.*} pointing at a standalone
 * sandbox. Its own context, closed after the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mj.sandbox.enabled=false",
        "mj.tasks.timeout-check=1s",
        "spring.datasource.url=jdbc:h2:mem:proxy-remix-it;DB_CLOSE_DELAY=-1"
})
@DirtiesContext
class RemixModalFlowTest {

    private static final String USER_ID = "1100000000000000031";
    private static final String GUILD = "1100000000000000001";
    private static final String CHANNEL = "1100000000000000032";
    private static SandboxServer standalone;

    @LocalServerPort
    int port;

    @Autowired
    AccountPool pool;

    private MjApi api;
    private SandboxControlApi sandbox;

    @DynamicPropertySource
    static void pointAtAStandaloneSandbox(DynamicPropertyRegistry registry) throws IOException {
        standalone = SandboxServer.start(SandboxSettings.forTests().withStrict(true).withAccounts(List.of(
                new SandboxAccount("remix-flow-token", USER_ID, "remixer", GUILD, CHANNEL))));
        Path accounts = Files.createTempFile("remix-flow-accounts", ".yml");
        accounts.toFile().deleteOnExit();
        Files.writeString(accounts, """
                accounts:
                  - id: remixer
                    guildId: "%s"
                    channelId: "%s"
                    userToken: remix-flow-token
                    remixAutoSubmit: false
                """.formatted(GUILD, CHANNEL));
        registry.add("mj.accounts-file", accounts::toString);
        registry.add("mj.discord.server", standalone::restBaseUrl);
        registry.add("mj.discord.gateway", standalone::gatewayUrl);
        registry.add("mj.discord.inpaint", standalone::restBaseUrl);
    }

    /** Accounts first, so that they do not see their Discord vanish; @DirtiesContext closes the rest. */
    @AfterAll
    static void stop(@Autowired AccountPool pool) {
        pool.close();
        if (standalone != null) {
            standalone.close();
        }
    }

    @BeforeEach
    void connect() {
        api = new MjApi(port);
        sandbox = new SandboxControlApi(standalone.restBaseUrl());
        SandboxedAccounts.awaitAllReady(pool, MjApi.WAIT);
    }

    @Test
    void variationWithANewPromptThroughTheModal() {
        String gridId = api.submit("/mj/submit/imagine", "{\"prompt\": \"a tree house in autumn\"}");
        JsonNode grid = FlowTest.assertSucceeded(api.awaitFinal(gridId), "IMAGINE");
        sandbox.setRemix(USER_ID, true);
        try {
            String id = api.submit("/mj/submit/action", """
                    {"taskId": "%s", "customId": "%s"}""".formatted(gridId, MjApi.button(grid, "V1")));
            JsonNode waiting = api.awaitStatus(id, "MODAL", "SUCCESS", "FAILURE");
            assertThat(waiting.path("status").asString()).as("waits for the client's prompt: " + waiting)
                    .isEqualTo("MODAL");
            assertThat(waiting.path("action").asString()).isEqualTo("VARIATION");

            MjApi.Response submitted = api.post("/mj/submit/modal", """
                    {"taskId": "%s", "prompt": "a tree house in winter"}""".formatted(id));
            assertThat(submitted.body().path("code").asInt()).as(submitted.raw()).isEqualTo(1);

            JsonNode remixed = FlowTest.assertSucceeded(api.awaitFinal(id), "VARIATION");
            assertThat(remixed.path("properties").path("finalPrompt").asString()).isEqualTo("a tree house in winter");
            assertThat(remixed.path("prompt").asString()).as("the prompt the client started from")
                    .isEqualTo("a tree house in autumn");
        } finally {
            sandbox.setRemix(USER_ID, false);
        }
    }
}
