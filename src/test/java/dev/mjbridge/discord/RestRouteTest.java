package dev.mjbridge.discord;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class RestRouteTest {

    @Test
    void theChannelIsTheMajorParameterAndOtherIdsAreFolded() {
        RestRoute route = RestRoute.of("PUT", URI.create(
                "https://discord.com/api/v9/channels/111111/messages/222222/reactions/%F0%9F%98%8D/@me"));
        assertThat(route.template()).isEqualTo("PUT discord.com/channels/{id}/messages/{id}/reactions/{emoji}/@me");
        assertThat(route.major()).isEqualTo("channel:111111");
    }

    @Test
    void twoChannelsAreTwoRoutesOfOneTemplate() {
        RestRoute one = RestRoute.of("POST", URI.create("https://discord.com/api/v9/channels/111111/messages"));
        RestRoute two = RestRoute.of("POST", URI.create("https://discord.com/api/v9/channels/333333/messages"));
        assertThat(one.template()).isEqualTo(two.template());
        assertThat(one.key()).isNotEqualTo(two.key());
    }

    @Test
    void guildsAndWebhooksWithTheirTokenAreMajorParameters() {
        assertThat(RestRoute.of("GET", URI.create("https://discord.com/api/v9/guilds/123456/members/654321")).major())
                .isEqualTo("guild:123456");
        RestRoute webhook = RestRoute.of("POST", URI.create("https://discord.com/api/v10/webhooks/777777/secret-token"));
        assertThat(webhook.major()).isEqualTo("webhook:777777/secret-token");
        assertThat(webhook.template()).isEqualTo("POST discord.com/webhooks/{id}/{token}");
        assertThat(webhook.toString()).doesNotContain("secret-token");
    }

    @Test
    void interactionsAreARouteOfTheirOwn() {
        RestRoute route = RestRoute.of("POST", URI.create("http://127.0.0.1:8080/api/v9/interactions"));
        assertThat(route.template()).isEqualTo("POST 127.0.0.1/interactions");
        assertThat(route.major()).isEmpty();
    }
}
