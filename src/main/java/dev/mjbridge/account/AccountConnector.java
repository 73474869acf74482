package dev.mjbridge.account;

import dev.mjbridge.discord.Backoff;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.discord.DiscordRestClient;
import dev.mjbridge.discord.RestRetryPolicy;
import dev.mjbridge.discord.UserGatewaySession;
import dev.mjbridge.midjourney.MessageParser;
import tools.jackson.databind.ObjectMapper;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds the Discord side of an account: an HTTP client (through the account's proxy
 * when it has one), the REST client and the gateway session, all on the same endpoints.
 */
public final class AccountConnector {

    private final DiscordEndpoints endpoints;
    private final ObjectMapper json;
    private final ScheduledExecutorService scheduler;
    private final MessageParser parser;
    private final RestRetryPolicy retryPolicy;
    private final Backoff reconnectBackoff;
    private final AccountObservers observers;

    public AccountConnector(DiscordEndpoints endpoints, ObjectMapper json, ScheduledExecutorService scheduler,
                            MessageParser parser, RestRetryPolicy retryPolicy, Backoff reconnectBackoff) {
        this(endpoints, json, scheduler, parser, retryPolicy, reconnectBackoff, AccountObservers.countingOnly());
    }

    public AccountConnector(DiscordEndpoints endpoints, ObjectMapper json, ScheduledExecutorService scheduler,
                            MessageParser parser, RestRetryPolicy retryPolicy, Backoff reconnectBackoff,
                            AccountObservers observers) {
        this.observers = observers;
        this.endpoints = endpoints;
        this.json = json;
        this.scheduler = scheduler;
        this.parser = parser;
        this.retryPolicy = retryPolicy;
        this.reconnectBackoff = reconnectBackoff;
    }

    public DiscordEndpoints endpoints() {
        return endpoints;
    }

    public Account connect(AccountConfig config, AccountEventSink sink, boolean sandbox) {
        HttpClient http = httpClient(config);
        DiscordRestClient rest = new DiscordRestClient(config.id(), config.credentials(), endpoints, json, http,
                scheduler, retryPolicy);
        return new Account(config, rest, listener -> new UserGatewaySession(config.id(), config.credentials(),
                endpoints, json, scheduler, http, listener, reconnectBackoff), parser, sink, sandbox, observers);
    }

    private static HttpClient httpClient(AccountConfig config) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (config.proxy() != null && !config.proxy().isBlank()) {
            URI proxy = URI.create(config.proxy().contains("://") ? config.proxy() : "http://" + config.proxy());
            builder.proxy(ProxySelector.of(new InetSocketAddress(proxy.getHost(), proxy.getPort() > 0 ? proxy.getPort() : 80)));
        }
        return builder.build();
    }
}
