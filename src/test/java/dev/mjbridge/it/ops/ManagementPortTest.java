package dev.mjbridge.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import dev.mjbridge.it.MjApi;
import dev.mjbridge.it.PrometheusScrape;

/**
 * docs/operations.md, "Scraping": with {@code management.server.port} the actuator moves to a port of
 * its own, where Prometheus scrapes without the admin secret (none is set here: nothing guards that
 * port), and the application's port has no actuator any more.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mj.sandbox.enabled=true",
        "management.server.port=0",
        "spring.datasource.url=jdbc:h2:mem:management-port;DB_CLOSE_DELAY=-1"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ManagementPortTest {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @Test
    void theMetricsAndProbesAnswerOnTheManagementPortOnly() {
        assertThat(managementPort).isNotEqualTo(port);

        PrometheusScrape scrape = PrometheusScrape.of(managementPort, null);

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.find("mj_accounts", "state", "READY")).isNotEmpty();
        assertThat(status(managementPort, "/actuator/health/readiness")).isEqualTo(200);
        assertThat(PrometheusScrape.of(port, null).status()).as("still guarded, and no secret is set").isEqualTo(403);
        assertThat(status(port, "/actuator/health")).isEqualTo(404);
    }

    private static int status(int port, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(MjApi.WAIT).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
