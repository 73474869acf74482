package dev.mjbridge.sandbox;

import dev.mjbridge.discord.SimulatedDiscordProvider;

import java.time.Duration;
import java.util.List;

/** Lets the proxy start this sandbox in sandbox mode without depending on its classes. */
public final class EmbeddedSandboxProvider implements SimulatedDiscordProvider {

    @Override
    public Running start(int port, Duration fastJobDuration, Duration fastVideoDuration, List<SimulatedUser> users) {
        List<SandboxAccount> accounts = users.stream()
                .map(u -> new SandboxAccount(u.token(), u.userId(), u.username(), u.guildId(), u.channelId()))
                .toList();
        SandboxServer server = SandboxServer.start(SandboxSettings.defaults().withPort(port)
                .withFastJobDuration(fastJobDuration).withVideoJobDuration(fastVideoDuration).withAccounts(accounts));
        return new Running() {
            @Override
            public String restBaseUrl() {
                return server.restBaseUrl();
            }

            @Override
            public String gatewayUrl() {
                return server.gatewayUrl();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
