package dev.mjbridge.account;

import dev.mjbridge.discord.Backoff;
import dev.mjbridge.discord.BotListenerSession;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.discord.DiscordRestClient;
import dev.mjbridge.discord.GatewayMeters;
import dev.mjbridge.discord.HttpClients;
import dev.mjbridge.discord.RestRetryPolicy;
import dev.mjbridge.discord.TransportMeters;
import dev.mjbridge.discord.UserGatewaySession;
import dev.mjbridge.midjourney.MessageParser;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpClient;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds the Discord side of an account: the REST client, the gateway session and, with a
 * {@code botToken}, the bot listener, on the
 * same endpoints, over the HTTP client shared by every account with the same proxy setting
 * (none included), and on the shared timer pool.
 */
public final class AccountConnector implements AutoCloseable {

    private final DiscordEndpoints endpoints;
    private final ObjectMapper json;
    private final ScheduledExecutorService scheduler;
    private final MessageParser parser;
    private final RestRetryPolicy retryPolicy;
    private final Backoff reconnectBackoff;
    private final AccountObservers observers;
    private final HttpClients httpClients;
    private final TransportMeters meters;

    public AccountConnector(DiscordEndpoints endpoints, ObjectMapper json, ScheduledExecutorService scheduler,
                            MessageParser parser, RestRetryPolicy retryPolicy, Backoff reconnectBackoff) {
        this(endpoints, json, scheduler, parser, retryPolicy, reconnectBackoff, AccountObservers.countingOnly());
    }

    public AccountConnector(DiscordEndpoints endpoints, ObjectMapper json, ScheduledExecutorService scheduler,
                            MessageParser parser, RestRetryPolicy retryPolicy, Backoff reconnectBackoff,
                            AccountObservers observers) {
        this(endpoints, json, scheduler, parser, retryPolicy, reconnectBackoff, observers, new HttpClients());
    }

    /**
     * @param httpClients shared by every account; outlives the pool's stop and start (the
     *                    application context closes it), so it is not closed with the pool
     */
    public AccountConnector(DiscordEndpoints endpoints, ObjectMapper json, ScheduledExecutorService scheduler,
                            MessageParser parser, RestRetryPolicy retryPolicy, Backoff reconnectBackoff,
                            AccountObservers observers, HttpClients httpClients) {
        this(endpoints, json, scheduler, parser, retryPolicy, reconnectBackoff, observers, httpClients,
                TransportMeters.none());
    }

    /** @param meters where the accounts' REST clients and gateway sessions count what they do */
    public AccountConnector(DiscordEndpoints endpoints, ObjectMapper json, ScheduledExecutorService scheduler,
                            MessageParser parser, RestRetryPolicy retryPolicy, Backoff reconnectBackoff,
                            AccountObservers observers, HttpClients httpClients, TransportMeters meters) {
        this.meters = meters;
        this.httpClients = httpClients;
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
        observers.protectSecretsOf(config);
        HttpClient http = httpClients.forProxy(config.proxy());
        DiscordRestClient rest = new DiscordRestClient(config.id(), config.credentials(), endpoints, json, http,
                scheduler, retryPolicy, meters.rest());
        GatewayMeters gatewayMeters = meters.gateway(config.id());
        Account account = new Account(config, rest, listener -> new UserGatewaySession(config.id(),
                config.credentials(), endpoints, json, scheduler, http, listener, reconnectBackoff, gatewayMeters),
                parser, sink, sandbox, observers);
        if (config.botToken() != null && !config.botToken().isBlank()) {
            account.listenAlsoThrough(listener -> new BotListenerSession(config.id(), config.botToken(),
                    config.channelId(), config.proxy(), endpoints, json, listener));
        }
        return account;
    }

    /** The shared HTTP clients, one per distinct proxy setting. */
    public HttpClients httpClients() {
        return httpClients;
    }

    /** Stops the shared HTTP clients' callback threads, for whoever built this connector with its own clients. */
    @Override
    public void close() {
        httpClients.close();
    }
}
