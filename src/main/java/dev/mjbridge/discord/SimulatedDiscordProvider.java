package dev.mjbridge.discord;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A Discord that runs inside this process (the built-in sandbox), found through
 * {@link ServiceLoader} so that the proxy never depends on the simulator's code: with
 * no accounts configured, the proxy starts one and talks to it over real sockets,
 * exactly as it would talk to Discord.
 */
public interface SimulatedDiscordProvider {

    /** A user the simulator admits, in its guild and channel. */
    record SimulatedUser(String token, String userId, String username, String guildId, String channelId) {

        @Override
        public String toString() {
            return "SimulatedUser[userId=" + userId + ", username=" + username + ", channelId=" + channelId + "]";
        }
    }

    /** A running simulator. */
    interface Running extends AutoCloseable {
        /** Value for {@code mj.discord.server}. */
        String restBaseUrl();

        /** Value for {@code mj.discord.gateway}. */
        String gatewayUrl();

        /** Value for {@code mj.midjourney.cdn}: where the simulator serves Midjourney's own CDN. */
        String midjourneyCdnUrl();

        @Override
        void close();
    }

    /**
     * @param fastVideoDuration how long one fast video job runs; null leaves the simulator's default
     * @param linkLifetime      how long the attachment links it hands out work; null leaves its default (24 h, as Discord)
     */
    Running start(int port, Duration fastJobDuration, Duration fastVideoDuration, Duration linkLifetime,
                  List<SimulatedUser> users);

    static Optional<SimulatedDiscordProvider> find() {
        return ServiceLoader.load(SimulatedDiscordProvider.class).findFirst();
    }
}
