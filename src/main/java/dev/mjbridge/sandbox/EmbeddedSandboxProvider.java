package dev.mjbridge.sandbox;

import dev.mjbridge.discord.SimulatedDiscordProvider;
import dev.mjbridge.sandbox.cdn.MidjourneyFiles;

import java.time.Duration;
import java.util.List;

/** Lets the proxy start this sandbox in sandbox mode without depending on its classes. */
public final class EmbeddedSandboxProvider implements SimulatedDiscordProvider {

    @Override
    public Running start(int port, Duration fastJobDuration, Duration fastVideoDuration, Duration linkLifetime,
                         List<SimulatedUser> users) {
        List<SandboxAccount> accounts = users.stream()
                .map(u -> new SandboxAccount(u.token(), u.userId(), u.username(), u.guildId(), u.channelId()))
                .toList();
        SandboxServer server = SandboxServer.start(SandboxSettings.defaults().withPort(port)
                .withFastJobDuration(fastJobDuration).withVideoJobDuration(fastVideoDuration).withLinkLifetime(linkLifetime).withAccounts(accounts));
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
            public String midjourneyCdnUrl() {
                return server.restBaseUrl() + MidjourneyFiles.BASE_PATH;
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
