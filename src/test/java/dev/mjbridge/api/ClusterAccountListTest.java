package dev.mjbridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.reflect.RecordComponent;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.mjbridge.account.AccountConfig;
import dev.mjbridge.account.AccountPool;
import dev.mjbridge.account.AccountView;
import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.cluster.ClusterDirectory;
import dev.mjbridge.midjourney.BotType;

/**
 * The cluster's account list: every account of accounts.yml in the file's order, each as its holder shows
 * it; an account whose holder did not answer is listed with the same fields as any other, state UNKNOWN
 * and the reason, never an error and never its token.
 */
class ClusterAccountListTest {

    private HttpServer other;

    @AfterEach
    void stopOther() {
        if (other != null) {
            other.stop(0);
        }
    }

    @Test
    void theListMergesEveryInstancesAccountsInTheFilesOrderAndMarksASilentInstancesAccountsUnknown()
            throws Exception {
        other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String> asked = new ConcurrentHashMap<>();
        other.createContext("/", exchange -> {
            asked.put("local", String.valueOf(exchange.getRequestHeaders().getFirst(PeerCalls.LOCAL_ONLY)));
            byte[] answer = "[{\"id\":\"b1\",\"state\":\"READY\"}]".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        other.start();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AccountPool pool = mock(AccountPool.class);
        when(pool.configs()).thenReturn(List.of(config("b1"), config("a1"), config("c1"), config("free")));
        when(pool.accounts()).thenReturn(List.of(AccountEndpointsTest.account("a1")));
        ClusterDirectory cluster = mock(ClusterDirectory.class);
        when(cluster.me()).thenReturn("a");
        when(cluster.snapshot()).thenReturn(new ClusterDirectory.Snapshot(List.of(
                new ClusterDirectory.Peer("b", "127.0.0.1", other.getAddress().getPort()),
                new ClusterDirectory.Peer("c", "127.0.0.1", closedPort)),
                Map.of("a1", "a", "b1", "b", "c1", "c")));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/mj/account/list");

        List<Object> listed = new ClusterAccountList(pool, new PeerCalls()).list(cluster, request);

        JsonNode json = JsonMapper.builder().build().valueToTree(listed);
        assertThat(json).extracting(a -> a.path("id").asString()).containsExactly("b1", "a1", "c1", "free");
        assertThat(json).extracting(a -> a.path("state").asString())
                .containsExactly("READY", "READY", "UNKNOWN", "UNKNOWN");
        assertThat(json.get(2).path("stateReason").asString()).contains("instance c did not answer");
        assertThat(json.get(3).path("stateReason").asString()).contains("held by no instance");
        assertThat(asked).containsEntry("local", "true");
    }

    @Test
    void anAccountOfAnInstanceThatDidNotAnswerHasTheFieldsOfAnAccountViewAndStateUnknown() {
        AccountConfig config = config("far");

        Map<String, Object> shown = ClusterAccountList.unknown(config, "held by another instance: it did not answer");

        assertThat(shown.keySet()).containsExactlyElementsOf(
                Arrays.stream(AccountView.class.getRecordComponents()).map(RecordComponent::getName).toList());
        assertThat(shown).containsEntry("id", "far").containsEntry("state", "UNKNOWN")
                .containsEntry("stateReason", "held by another instance: it did not answer")
                .containsEntry("concurrency", 3).containsEntry("remark", "remote");
        assertThat(shown.values()).doesNotContain("token-far");
    }

    private static AccountConfig config(String id) {
        return new AccountConfig(id, "1", "2", "token-" + id, null, true, 3, 10, 5, SpeedMode.FAST,
                EnumSet.allOf(SpeedMode.class), true, EnumSet.allOf(BotType.class), 1, "remote", null, null);
    }
}
