package dev.mjbridge.discord;

import com.neovisionaries.ws.client.WebSocketFactory;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.RawGatewayEvent;
import net.dv8tion.jda.api.events.StatusChangeEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Set;

/**
 * An account's second pair of ears: a JDA bot session (the account's {@code botToken}) in the
 * account's guild, whose MESSAGE_CREATE, MESSAGE_UPDATE and MESSAGE_DELETE for the account's
 * channel are handed to the same {@link GatewayListener} as the user session's dispatches, as
 * Discord's own JSON ({@code d}). So a job's progress and result still arrive while the user
 * session is down, stalled or resuming. A bot hears no ephemeral message and no INTERACTION_*
 * event: those stay the user session's alone.
 * <p>
 * JDA talks to the same {@link DiscordEndpoints} as everything else: its REST base is
 * {@code server + /api/v10/} and its session controller answers the configured gateway (JDA 6
 * does not ask {@code /gateway/bot}). Login (a blocking REST call in JDA) runs on a daemon thread
 * of its own, so starting never holds up the account or the application; JDA's own pools are
 * daemon threads and are shut down with the session. A failure (bad token, Discord closing the
 * session for good) only sets {@link #status()}: the account goes on with its user session.
 * The token never appears in a status, an exception message or a log line written here.
 */
public final class BotListenerSession {

    private static final Logger log = LoggerFactory.getLogger(BotListenerSession.class);
    /** The dispatches forwarded: those about messages, the only ones a bot shares with the user. */
    static final Set<String> FORWARDED = Set.of("MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE");

    private final String accountId;
    private final String token;
    private final String channelId;
    private final String proxy;
    private final DiscordEndpoints endpoints;
    private final ObjectMapper json;
    private final GatewayListener listener;

    private final Object lock = new Object();
    /** Guarded by {@link #lock}: whether the session should run, and the JDA that runs it. */
    private boolean running;
    private JDA jda;
    /** Guarded by {@link #lock}: bumped by every start and stop, so a JDA left from before is ignored. */
    private long generation;
    private volatile BotListenerStatus status = new BotListenerStatus(BotListenerState.STOPPED, "not started yet");

    /**
     * @param channelId the account's channel: only its messages are forwarded
     * @param proxy     the account's HTTP proxy ({@code host:port}), or null: the bot goes the same way
     * @param listener  receives the forwarded dispatches (on JDA's event thread) and nothing else
     */
    public BotListenerSession(String accountId, String botToken, String channelId, String proxy,
                              DiscordEndpoints endpoints, ObjectMapper json, GatewayListener listener) {
        if (botToken == null || botToken.isBlank()) {
            throw new IllegalArgumentException("botToken is required");
        }
        this.accountId = accountId;
        this.token = botToken.trim();
        this.channelId = channelId;
        this.proxy = proxy;
        this.endpoints = endpoints;
        this.json = json;
        this.listener = listener;
    }

    public BotListenerStatus status() {
        return status;
    }

    /** Logs in on a thread of its own and returns at once; a running or starting session is left as it is. */
    public void start() {
        long started;
        synchronized (lock) {
            if (running) {
                return;
            }
            running = true;
            started = ++generation;
            status = new BotListenerStatus(BotListenerState.CONNECTING, "logging in");
        }
        Thread login = new Thread(() -> login(started), "mj-bot-login-" + accountId);
        login.setDaemon(true);
        login.start();
    }

    /** Shuts the bot session down without waiting for it; events still in flight are ignored. */
    public void stop() {
        JDA stopping;
        synchronized (lock) {
            if (!running) {
                return;
            }
            running = false;
            generation++;
            stopping = jda;
            jda = null;
            status = new BotListenerStatus(BotListenerState.STOPPED, "stopped with its account");
        }
        if (stopping != null) {
            stopping.shutdownNow();
        }
    }

    private void login(long started) {
        Events events = new Events(started);
        JDA built;
        try {
            built = builder(events).build();
        } catch (InvalidTokenException e) {
            failLogin(started, "Discord refused the bot's login (401 Unauthorized): check the account's bot credentials");
            return;
        } catch (RuntimeException e) {
            failLogin(started, "bot login failed: " + scrub(e.getClass().getSimpleName() + ": " + e.getMessage()));
            return;
        }
        events.loggedIn = true;
        boolean wanted;
        synchronized (lock) {
            wanted = running && generation == started;
            if (wanted) {
                jda = built;
            }
        }
        if (!wanted) {
            // Stopped while logging in.
            built.shutdownNow();
            return;
        }
        if (built.getStatus() == JDA.Status.SHUTDOWN) {
            // Ended before its events counted (see Events.loggedIn).
            fail(started, "the bot session ended right after login");
        }
    }

    private JDABuilder builder(Events events) {
        JDABuilder builder = JDABuilder.createLight(token, GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT)
                .setRawEventsEnabled(true)
                .setMemberCachePolicy(MemberCachePolicy.NONE)
                .setChunkingFilter(ChunkingFilter.NONE)
                .setRestConfig(new RestConfig().setBaseUrl(endpoints.server() + "/api/v10/"))
                .setSessionController(new ConfiguredGateway(endpoints.gateway() + "/"))
                // The application closes the pool, which stops this session; JDA's own hook would race it.
                .setEnableShutdownHook(false)
                .addEventListeners(events);
        URI via = HttpClients.proxyUri(proxy);
        if (via != null) {
            builder.setHttpClientBuilder(new OkHttpClient.Builder()
                    .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(via.getHost(), via.getPort()))));
            WebSocketFactory sockets = new WebSocketFactory();
            sockets.getProxySettings().setHost(via.getHost()).setPort(via.getPort());
            builder.setWebsocketFactory(sockets);
        }
        return builder;
    }

    private boolean current(long started) {
        synchronized (lock) {
            return running && generation == started;
        }
    }

    private void update(long started, BotListenerState state, String reason) {
        synchronized (lock) {
            if (!running || generation != started) {
                return;
            }
            if (state == BotListenerState.FAILED) {
                // Discord will not take this session back: a later start (re-enabling the account) tries anew.
                running = false;
                jda = null;
            }
            status = new BotListenerStatus(state, reason);
        }
        if (state == BotListenerState.FAILED) {
            log.warn("account {}: bot listener failed, going on with the user session alone: {}", accountId, reason);
        } else {
            log.info("account {}: bot listener {} ({})", accountId, state, reason);
        }
    }

    private void fail(long started, String reason) {
        update(started, BotListenerState.FAILED, reason);
    }

    /** A failed login: JDA may have reported its own shutdown meanwhile, but the login's reason is the one to show. */
    private void failLogin(long started, String reason) {
        synchronized (lock) {
            if (generation != started) {
                return;
            }
            running = false;
            jda = null;
            status = new BotListenerStatus(BotListenerState.FAILED, reason);
        }
        log.warn("account {}: bot listener failed, going on with the user session alone: {}", accountId, reason);
    }

    /** Whatever a library put into a message, the token does not leave this class. */
    private String scrub(String text) {
        return text == null ? "" : text.replace(token, "<botToken>");
    }

    /** JDA's events for one start; those of a start that was stopped since are ignored. */
    private final class Events implements EventListener {

        private final long started;
        /**
         * Set once {@code build()} returned: JDA shuts itself down when the login fails, and those
         * events are left to the login's own reason.
         */
        volatile boolean loggedIn;

        Events(long started) {
            this.started = started;
        }

        @Override
        public void onEvent(GenericEvent event) {
            if (event instanceof RawGatewayEvent raw) {
                forward(raw);
            } else if (event instanceof ReadyEvent ready) {
                ready(ready.getJDA());
            } else if (event instanceof StatusChangeEvent change) {
                statusChanged(change.getNewStatus());
            } else if (event instanceof ShutdownEvent shutdown) {
                closed(shutdown.getCode(), shutdown.getCloseCode());
            }
        }

        private void forward(RawGatewayEvent raw) {
            if (!FORWARDED.contains(raw.getType()) || !current(started)) {
                return;
            }
            if (!channelId.equals(raw.getPayload().getString("channel_id", null))) {
                return;
            }
            JsonNode data;
            try {
                data = json.readTree(raw.getPayload().toJson());
            } catch (RuntimeException e) {
                log.warn("account {}: bot listener could not read a {}: {}", accountId, raw.getType(), e.getMessage());
                return;
            }
            listener.onDispatch(raw.getType(), data);
        }

        private void ready(JDA ready) {
            String name = ready.getSelfUser().getName();
            if (ready.getGuildChannelById(channelId) == null) {
                // Connected, but hears nothing useful: say so rather than look healthy.
                update(started, BotListenerState.READY, "connected as " + name + ", but the bot cannot see channel "
                        + channelId + ": invite it to the account's guild with permission to read that channel");
            } else {
                update(started, BotListenerState.READY, "listening to channel " + channelId + " as " + name);
            }
        }

        private void statusChanged(JDA.Status next) {
            switch (next) {
                case CONNECTED -> {
                    if (status.state() == BotListenerState.RECONNECTING) {
                        update(started, BotListenerState.READY, "reconnected");
                    }
                }
                case DISCONNECTED, RECONNECT_QUEUED, WAITING_TO_RECONNECT, ATTEMPTING_TO_RECONNECT ->
                        update(started, BotListenerState.RECONNECTING, "connection lost; reconnecting");
                case SHUTTING_DOWN -> {
                }
                case SHUTDOWN, FAILED_TO_LOGIN -> {
                    // ShutdownEvent gives the close code; this covers a shutdown without one.
                    if (loggedIn && status.state() != BotListenerState.FAILED) {
                        update(started, BotListenerState.FAILED, "the bot session ended (" + next + ")");
                    }
                }
                default -> {
                    if (status.state() == BotListenerState.CONNECTING) {
                        update(started, BotListenerState.CONNECTING, next.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
                    }
                }
            }
        }

        private void closed(int code, CloseCode known) {
            if (!loggedIn) {
                return;
            }
            String meaning = known == null ? "" : " " + known.getMeaning();
            synchronized (lock) {
                if (!running && generation == started && status.state() == BotListenerState.FAILED) {
                    // Failed already (SHUTDOWN came first): give the close code.
                    status = new BotListenerStatus(BotListenerState.FAILED, "Discord closed the bot session: " + code + meaning);
                    return;
                }
            }
            fail(started, "Discord closed the bot session: " + code + meaning);
        }
    }

    /** JDA 6 asks its session controller, not {@code /gateway/bot}, where the gateway is. */
    private static final class ConfiguredGateway extends SessionControllerAdapter {

        private final String url;

        ConfiguredGateway(String url) {
            this.url = url;
        }

        @Override
        public String getGateway() {
            return url;
        }
    }
}
