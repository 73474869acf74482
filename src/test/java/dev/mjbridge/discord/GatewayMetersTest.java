package dev.mjbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.mjbridge.sandbox.SandboxAccount;
import dev.mjbridge.sandbox.SandboxServer;
import dev.mjbridge.sandbox.SandboxSettings;

/** What an account's gateway meters count through a drop (a resume) and a lost session (a new one). */
class GatewayMetersTest {

    private static final String TOKEN = "gateway-meters-token";
    private static final String USER_ID = "1100000000000000888";

    private SandboxServer sandbox;
    private ScheduledExecutorService scheduler;
    private UserGatewaySession session;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start(SandboxSettings.forTests().withStrict(true).withAccounts(List.of(
                new SandboxAccount(TOKEN, USER_ID, "meters", "1100000000000000801", "1100000000000000802"))));
        scheduler = Executors.newScheduledThreadPool(2);
    }

    @AfterEach
    void stop() {
        if (session != null) {
            session.stop();
        }
        sandbox.close();
        scheduler.shutdownNow();
    }

    @Test
    void countsNewSessionsResumesAndReconnects() {
        RecordingListener listener = new RecordingListener();
        DiscordEndpoints endpoints = new DiscordEndpoints(sandbox.restBaseUrl(), sandbox.gatewayUrl(), "", "",
                sandbox.restBaseUrl());
        session = new UserGatewaySession("acc-7", new DiscordCredentials(TOKEN, null), endpoints,
                JsonMapper.builder().build(), scheduler, HttpClient.newHttpClient(), listener,
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(400)), new GatewayMeters(registry, "acc-7"));
        session.start();
        listener.awaitUntil("READY", l -> l.count("READY") == 1 && l.lastState() == GatewayState.READY);
        assertThat(count("mj.gateway.sessions")).isEqualTo(1);
        assertThat(count("mj.gateway.reconnects")).isZero();

        sandbox.control().dropConnections(USER_ID);
        listener.awaitUntil("RESUMED", l -> l.count("RESUMED") == 1 && l.lastState() == GatewayState.READY);
        assertThat(count("mj.gateway.resumes")).isEqualTo(1);
        assertThat(count("mj.gateway.reconnects")).isEqualTo(1);

        sandbox.control().invalidateSessions(USER_ID, false);
        listener.awaitUntil("a second READY", l -> l.count("READY") == 2 && l.lastState() == GatewayState.READY);
        assertThat(count("mj.gateway.sessions")).isEqualTo(2);
        assertThat(count("mj.gateway.reconnects")).isEqualTo(2);
        assertThat(count("mj.gateway.resumes")).isEqualTo(1);
    }

    private double count(String name) {
        return registry.get(name).tag("account", "acc-7").counter().count();
    }
}
