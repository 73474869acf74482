package dev.mjbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.mjbridge.it.ProxyIntegrationTest;

/**
 * How the console is served, over a real socket (no browser needed): the redirect to
 * {@code /console/}, the page and every script it loads (so the jar holds them all), and the
 * security headers. The console's behaviour is {@link ConsoleBrowserTest}'s.
 */
class ConsolePagesTest extends ProxyIntegrationTest {

    private static final Pattern IMPORT = Pattern.compile("from '\\./([a-z]+\\.js)'");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void consoleRedirectsToItsFolderSoRelativeLinksResolve() {
        HttpResponse<String> answer = get("/console");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/console/"));
    }

    @Test
    void thePageComesWithAStrictContentSecurityPolicy() {
        HttpResponse<String> page = get("/console/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"js/app.js\"></script>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(ConsoleHeadersFilter.CONTENT_SECURITY_POLICY);
        assertThat(ConsoleHeadersFilter.CONTENT_SECURITY_POLICY).contains("script-src 'self'", "connect-src 'self'",
                "frame-ancestors 'none'").doesNotContain("unsafe");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void everyScriptThePageImportsIsServed() {
        Set<String> seen = new LinkedHashSet<>();
        follow("app.js", seen);
        assertThat(seen).contains("app.js", "api.js", "events.js", "accounts.js", "tasks.js", "task.js", "submit.js",
                "mask.js", "dialogs.js", "dom.js", "images.js");
        HttpResponse<String> css = get("/console/console.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    }

    @Test
    void aFileTheConsoleDoesNotHaveIsTheUsual404() {
        HttpResponse<String> missing = get("/console/js/nothing.js");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"code\":4");
    }

    private void follow(String script, Set<String> seen) {
        if (!seen.add(script)) {
            return;
        }
        HttpResponse<String> answer = get("/console/js/" + script);
        assertThat(answer.statusCode()).as(script).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).as(script)
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        Matcher imports = IMPORT.matcher(answer.body());
        while (imports.find()) {
            follow(imports.group(1), seen);
        }
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
