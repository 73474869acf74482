package dev.mjbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import dev.mjbridge.MjBridgeApplication;
import dev.mjbridge.cluster.LeaseKeeper;
import dev.mjbridge.testing.Waits;

/**
 * {@code mj.cluster.enabled} at start-up: on with the default H2 database it stops with the key and
 * what to do; off (the default) the service runs as before, with no cluster thread, nothing written
 * to the cluster tables and {@code GET /mj/cluster} saying it is off.
 */
class ClusterSettingTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String ADMIN = "cluster-setting-admin";

    @Test
    void onWithH2StartUpStopsNamingTheKeyAndWhatToDo() {
        assertThatThrownBy(() -> start(Map.of("mj.cluster.enabled", "true")).close())
                .rootCause()
                .hasMessageContaining("mj.cluster.enabled")
                .hasMessageContaining("PostgreSQL")
                .hasMessageContaining("spring.datasource.url")
                .hasMessageContaining("mj.cluster.enabled=false");
    }

    @Test
    void offTheServiceTouchesNoClusterTableRunsNoClusterThreadAndSaysSo() {
        try (ConfigurableApplicationContext context = start(Map.of())) {
            MjApi api = new MjApi(((WebServerApplicationContext) context).getWebServer().getPort());
            awaitAccountsReady(api);
            String id = api.submit("/mj/submit/imagine", "{\"prompt\": \"a single instance as before\"}");
            assertThat(api.awaitFinal(id).path("status").asString()).isEqualTo("SUCCESS");

            JsonNode answer = api.adminGet("/mj/cluster", ADMIN).body();
            assertThat(answer.path("code").asInt()).isEqualTo(1);
            assertThat(answer.path("result").path("enabled").asBoolean()).isFalse();
            assertThat(context.getBeanProvider(LeaseKeeper.class).getIfAvailable()).isNull();
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("mj-cluster"));
            // Webhooks are delivered from memory: no outbox thread polls the database.
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("mj-outbox"));
            JdbcClient sql = JdbcClient.create(context.getBean(javax.sql.DataSource.class));
            assertThat(sql.sql("SELECT COUNT(*) FROM mj_cluster_instance").query(Integer.class).single()).isZero();
            assertThat(sql.sql("SELECT COUNT(*) FROM mj_account_lease").query(Integer.class).single()).isZero();
        }
    }

    /** The app with its built-in sandbox and an H2 database of its own. */
    private static ConfigurableApplicationContext start(Map<String, String> extra) {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.main.register-shutdown-hook", "false");
        properties.put("mj.sandbox.enabled", "true");
        properties.put("mj.admin-secret", ADMIN);
        properties.put("spring.datasource.url",
                "jdbc:h2:mem:cluster-setting-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        properties.putAll(extra);
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(MjBridgeApplication.class).run(args);
    }

    private static void awaitAccountsReady(MjApi api) {
        Waits.await("the sandbox's accounts READY", MjApi.WAIT).until(() -> api.get("/mj/account/list").body(),
                list -> list.size() > 0 && StreamSupport.stream(list.spliterator(), false)
                        .allMatch(a -> "READY".equals(a.path("state").asString())));
    }
}
