package dev.mjbridge.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import dev.mjbridge.MjBridgeApplication;
import dev.mjbridge.cluster.LeaseKeeper;
import dev.mjbridge.testing.PostgresSchema;

/**
 * Starts one instance of a test cluster: a whole application on a random port, with the sandbox's
 * accounts, the given PostgreSQL database, the cluster on under the given id, and a 3 s lease so
 * that takeovers happen within a test's patience. No shutdown hook: the test closes what it starts.
 * Also what the tests ask of such an instance: its API, its lease keeper, its own READY accounts.
 */
final class ClusterInstances {

    private ClusterInstances() {
    }

    static ConfigurableApplicationContext start(SandboxedAccounts sandbox, PostgresSchema schema, String databaseUrl,
                                                String instanceId, Map<String, String> more) {
        return start(sandbox, schema, databaseUrl, instanceId, more, List.of());
    }

    /** The same, with beans of the test's own added before the context refreshes (e.g. a {@code DrainExit}). */
    static ConfigurableApplicationContext start(SandboxedAccounts sandbox, PostgresSchema schema, String databaseUrl,
                                                String instanceId, Map<String, String> more,
                                                List<ApplicationContextInitializer<ConfigurableApplicationContext>> initializers) {
        Map<String, String> properties = new LinkedHashMap<>(sandbox.proxyProperties());
        properties.put("server.port", "0");
        properties.put("spring.main.register-shutdown-hook", "false");
        properties.put("spring.datasource.url", databaseUrl);
        properties.put("spring.datasource.username", schema.user());
        properties.put("spring.datasource.password", "");
        properties.put("mj.cluster.enabled", "true");
        properties.put("mj.cluster.instance-id", instanceId);
        properties.put("mj.cluster.lease-ttl", "3s");
        properties.putAll(more);
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(MjBridgeApplication.class);
        initializers.forEach(i -> builder.initializers(i));
        return builder.run(args);
    }

    /** The API of an instance started here. */
    static MjApi api(ConfigurableApplicationContext instance) {
        return new MjApi(port(instance));
    }

    static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    static LeaseKeeper keeper(ConfigurableApplicationContext instance) {
        return instance.getBean(LeaseKeeper.class);
    }

    /** The ids of the accounts this instance itself connects and lists READY (not the whole cluster's list). */
    static List<String> readyAccounts(ConfigurableApplicationContext instance) {
        List<String> ids = new ArrayList<>();
        api(instance).localAccounts().body().forEach(account -> {
            if ("READY".equals(account.path("state").asString())) {
                ids.add(account.path("id").asString());
            }
        });
        return ids;
    }
}
