package dev.mjbridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import dev.mjbridge.account.AccountConfig;
import dev.mjbridge.account.AccountPool;
import dev.mjbridge.account.AccountSyncer;
import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.cluster.ClusterDirectory;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.task.TaskService;

/**
 * An admin call on an account another instance holds is answered by that instance, as it answered; a
 * holder that does not answer, or no holder, is code 9 saying so; a forwarded call is answered where it
 * lands. The secret goes to the owner and nowhere else.
 */
class OwnerForwardingTest {

    private static final String ADMIN = "forward-admin-secret";

    private final AccountPool pool = mock(AccountPool.class);
    private final ClusterDirectory cluster = mock(ClusterDirectory.class);
    private final MockMvc mvc;
    private HttpServer owner;

    OwnerForwardingTest() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("cluster", cluster);
        beans.addBean("pool", pool);
        mvc = MockMvcBuilders.standaloneSetup(new AccountAdminController(pool, mock(AccountSyncer.class)))
                .setControllerAdvice(new ApiExceptionHandler(), new UnmappedRequestHandler())
                .addInterceptors(new AdminSecretInterceptor(new AdminProperties(ADMIN)),
                        new OwnerForwarding(beans.getBeanProvider(ClusterDirectory.class),
                                beans.getBeanProvider(AccountPool.class), beans.getBeanProvider(TaskService.class),
                                new PeerCalls()))
                .build();
        when(cluster.me()).thenReturn("near-a");
        when(pool.find(anyString())).thenReturn(Optional.empty());
        when(pool.configs()).thenReturn(List.of(config("far")));
    }

    @AfterEach
    void stopOwner() {
        if (owner != null) {
            owner.stop(0);
        }
    }

    @Test
    void aCallOnAnAccountHeldElsewhereIsAnsweredByItsOwnerAsItAnswered() throws Exception {
        Map<String, String> seen = new ConcurrentHashMap<>();
        owner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        owner.createContext("/", exchange -> {
            seen.put("path", exchange.getRequestURI().getPath());
            seen.put("secret", String.valueOf(exchange.getRequestHeaders().getFirst(AdminSecretInterceptor.HEADER)));
            seen.put("forwarded", String.valueOf(exchange.getRequestHeaders().getFirst(PeerCalls.FORWARDED)));
            seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"code\":1,\"description\":\"Account far disabled\",\"result\":{\"id\":\"far\"},\"properties\":{}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        owner.start();
        when(cluster.holderOf("far")).thenReturn(new ClusterDirectory.Holder.Elsewhere(
                new ClusterDirectory.Peer("far-b", "127.0.0.1", owner.getAddress().getPort())));

        mvc.perform(post("/mj/account/far/disable").header(AdminSecretInterceptor.HEADER, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"card expired\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(1))
                .andExpect(jsonPath("$.description").value("Account far disabled"));

        assertThat(seen).containsEntry("path", "/mj/account/far/disable").containsEntry("secret", ADMIN)
                .containsEntry("forwarded", "near-a").containsEntry("body", "{\"reason\": \"card expired\"}");
        verify(pool, never()).disable(anyString(), anyString());
    }

    @Test
    void anOwnerThatDoesNotAnswerIsCode9WithoutTheSecret() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        when(cluster.holderOf("far")).thenReturn(new ClusterDirectory.Holder.Elsewhere(
                new ClusterDirectory.Peer("far-b", "127.0.0.1", closedPort)));

        mvc.perform(post("/mj/account/far/enable").header(AdminSecretInterceptor.HEADER, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(9))
                .andExpect(jsonPath("$.description").value(Matchers.allOf(Matchers.containsString("far-b"),
                        Matchers.containsString("did not answer"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString(ADMIN))));
        verify(pool, never()).enable(anyString());
    }

    @Test
    void anAccountNobodyHoldsIsCode9AndAnUnknownIdIsAnsweredHere() throws Exception {
        when(cluster.holderOf("far")).thenReturn(new ClusterDirectory.Holder.Nobody());
        when(cluster.holderOf("nobody")).thenReturn(new ClusterDirectory.Holder.Nobody());

        mvc.perform(post("/mj/account/far/reconnect").header(AdminSecretInterceptor.HEADER, ADMIN))
                .andExpect(jsonPath("$.code").value(9))
                .andExpect(jsonPath("$.description").value(Matchers.containsString("connected by no instance")));
        mvc.perform(post("/mj/account/nobody/reconnect").header(AdminSecretInterceptor.HEADER, ADMIN))
                .andExpect(jsonPath("$.code").value(3));
    }

    @Test
    void aForwardedCallIsAnsweredWhereItLandsAndAWrongSecretIsNeverForwarded() throws Exception {
        when(cluster.holderOf("far")).thenReturn(new ClusterDirectory.Holder.Elsewhere(
                new ClusterDirectory.Peer("far-b", "127.0.0.1", 9)));

        mvc.perform(post("/mj/account/far/enable").header(AdminSecretInterceptor.HEADER, ADMIN)
                        .header(PeerCalls.FORWARDED, "far-b"))
                .andExpect(jsonPath("$.code").value(3));
        mvc.perform(post("/mj/account/far/enable").header(AdminSecretInterceptor.HEADER, "wrong"))
                .andExpect(status().isUnauthorized());
        verify(cluster, never()).holderOf(anyString());
    }

    private static AccountConfig config(String id) {
        return new AccountConfig(id, "1", "2", "token-" + id, null, true, 3, 10, 5, SpeedMode.FAST,
                EnumSet.allOf(SpeedMode.class), true, EnumSet.allOf(BotType.class), 1, null,
                null, null);
    }
}
