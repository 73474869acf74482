package dev.mjbridge.account;

import dev.mjbridge.discord.Backoff;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.discord.RestRetryPolicy;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.MessageParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts share one HTTP client (one selector thread, one connection pool) per proxy setting. */
class SharedHttpClientsTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AccountConnector connector = new AccountConnector(DiscordEndpoints.discord(), JsonMapper.builder().build(),
            scheduler, new MessageParser(), RestRetryPolicy.standard(), Backoff.standard());

    @AfterEach
    void stop() {
        connector.close();
        scheduler.shutdownNow();
    }

    @Test
    void fiftyAccountsWithoutAProxyShareOneClient() {
        List<HttpClient> clients = IntStream.range(0, 50).mapToObj(i -> clientOf(i, null)).toList();
        assertThat(clients).allSatisfy(client -> assertThat(client).isSameAs(clients.get(0)));
        assertThat(connector.httpClients().size()).isEqualTo(1);
    }

    @Test
    void fiftyAccountsBehindTheSameProxyShareOneClientHoweverItIsSpelt() {
        List<HttpClient> clients = IntStream.range(0, 50)
                .mapToObj(i -> clientOf(i, i % 2 == 0 ? "10.0.0.7:3128" : "http://10.0.0.7:3128/")).toList();
        assertThat(clients).allSatisfy(client -> assertThat(client).isSameAs(clients.get(0)));
        assertThat(clients.get(0).proxy()).isPresent();
        assertThat(connector.httpClients().size()).isEqualTo(1);
    }

    @Test
    void eachDistinctProxySettingHasItsOwnClient() {
        HttpClient direct = clientOf(1, "");
        HttpClient first = clientOf(2, "10.0.0.7:3128");
        HttpClient second = clientOf(3, "10.0.0.8:3128");
        HttpClient defaultPort = clientOf(4, "http://10.0.0.7");
        assertThat(List.of(direct, first, second, defaultPort)).doesNotHaveDuplicates();
        assertThat(direct.proxy()).isEmpty();
        assertThat(clientOf(5, "10.0.0.7:80")).isSameAs(defaultPort);
        assertThat(connector.httpClients().size()).isEqualTo(4);
    }

    private HttpClient clientOf(int index, String proxy) {
        AccountConfig config = new AccountConfig("acc-" + index, "1", "2", "token-" + index, null, true, 3, 10, 5,
                SpeedMode.FAST, EnumSet.allOf(SpeedMode.class), true, EnumSet.allOf(BotType.class), 1, null, null, proxy);
        return connector.connect(config, (account, event) -> { }, false).rest().httpClient();
    }
}
