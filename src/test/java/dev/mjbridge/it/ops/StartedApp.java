package dev.mjbridge.it.ops;

import dev.mjbridge.MjBridgeApplication;
import dev.mjbridge.it.MjApi;
import dev.mjbridge.testing.Waits;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The proxy started as the jar starts it ({@code MjBridgeApplication}), on a free port,
 * with the given properties: for tests that restart it or give it another Discord.
 */
final class StartedApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final MjApi api;

    private StartedApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.api = new MjApi(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    /** Starts the app; {@code properties} are added to (and override) a free port and a quick timeout check. */
    static StartedApp start(Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("mj.tasks.timeout-check", "1s");
        all.put("spring.main.register-shutdown-hook", "false");
        all.putAll(properties);
        // As command-line arguments: they win over application.yml (builder "properties" would not).
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new StartedApp(new SpringApplicationBuilder(MjBridgeApplication.class).run(args));
    }

    MjApi api() {
        return api;
    }

    /** A bean of the running app (e.g. its JSON mapper, to compare answers with what it writes). */
    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Waits until /mj/account/list shows every account READY; returns the list. */
    JsonNode awaitAccountsReady() {
        return Waits.await("/mj/account/list showing every account READY", MjApi.WAIT)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> api.get("/mj/account/list").body(), StartedApp::allReady);
    }

    private static boolean allReady(JsonNode accounts) {
        boolean ready = accounts.size() > 0;
        for (JsonNode account : accounts) {
            ready &= "READY".equals(account.path("state").asString());
        }
        return ready;
    }

    @Override
    public void close() {
        context.close();
    }
}
