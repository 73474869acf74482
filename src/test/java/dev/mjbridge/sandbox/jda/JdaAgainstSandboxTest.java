package dev.mjbridge.sandbox.jda;

import dev.mjbridge.sandbox.SandboxAccount;
import dev.mjbridge.sandbox.SandboxServer;
import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.sandbox.rest.SandboxHttp;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unmodified JDA bot against the sandbox, with only the REST base URL and the gateway
 * URL changed: the sandbox speaks the protocol well enough for a real Discord library.
 */
class JdaAgainstSandboxTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String GUILD = "1100000000000000501";
    private static final String CHANNEL = "1100000000000000502";

    /**
     * JDA 6 does not ask {@code GET /gateway/bot} for the gateway address: its session
     * controller answers with a constant {@code wss://gateway.discord.gg/}, so that is the
     * one thing to override besides the REST base.
     */
    private static final class SandboxGateway extends SessionControllerAdapter {
        private final String url;

        SandboxGateway(String url) {
            this.url = url;
        }

        @Override
        public String getGateway() {
            return url;
        }
    }

    @Test
    void jdaBotSeesUserAndMidjourneyMessagesInItsGuild() throws Exception {
        SandboxAccount user = new SandboxAccount("jda-test-user-token", "1100000000000000601", "operator", GUILD, CHANNEL);
        SandboxAccount bot = SandboxAccount.bot("jda-test-bot-token", "1100000000000000602", "listener", GUILD, CHANNEL);
        try (SandboxServer sandbox = SandboxServer.start(SandboxSettings.forTests().withStrict(true)
                .withAccounts(List.of(user, bot)))) {
            BlockingQueue<MessageReceivedEvent> received = new LinkedBlockingQueue<>();
            JDA jda = JDABuilder.createLight(bot.token(), GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT)
                    .setRestConfig(new RestConfig().setBaseUrl(sandbox.restBaseUrl() + "/api/v10/"))
                    .setSessionController(new SandboxGateway(sandbox.gatewayUrl()))
                    .addEventListeners(new ListenerAdapter() {
                        @Override
                        public void onMessageReceived(MessageReceivedEvent event) {
                            received.add(event);
                        }
                    })
                    .build();
            try {
                assertThat(CompletableFuture.runAsync(() -> {
                    try {
                        jda.awaitReady();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })).as("JDA READY against the sandbox").succeedsWithin(WAIT);
                assertThat(jda.getSelfUser().getId()).isEqualTo(bot.userId());
                assertThat(jda.getSelfUser().isBot()).isTrue();
                assertThat(jda.getGuildById(GUILD)).isNotNull();
                assertThat(jda.getTextChannelById(CHANNEL)).isNotNull();

                SandboxHttp.Response posted = new SandboxHttp(sandbox.restBaseUrl()).post(
                        "/api/v9/channels/" + CHANNEL + "/messages", user.token(), "{\"content\":\"hello from the sandbox\"}");
                assertThat(posted.status()).isEqualTo(200);

                MessageReceivedEvent event = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(event).as("MessageReceivedEvent within " + WAIT).isNotNull();
                assertThat(event.getMessage().getContentRaw()).isEqualTo("hello from the sandbox");
                assertThat(event.getMessage().getId()).isEqualTo(posted.json().path("id").asString());
                assertThat(event.getAuthor().getId()).isEqualTo(user.userId());
                assertThat(event.getAuthor().getName()).isEqualTo("operator");
                assertThat(event.getAuthor().isBot()).isFalse();
                assertThat(event.getChannel().getId()).isEqualTo(CHANNEL);
                assertThat(event.isFromGuild()).isTrue();
                assertThat(event.getGuild().getId()).isEqualTo(GUILD);

                // The Midjourney bot's messages reach JDA the same way: an imagine by the user
                // ends in the bot's final grid message with its attachment.
                String imagine = "{\"type\":2,\"application_id\":\"936929561302675456\",\"guild_id\":\"" + GUILD
                        + "\",\"channel_id\":\"" + CHANNEL + "\",\"session_id\":\"jda-test\",\"nonce\":\"1300000000000000001\","
                        + "\"data\":{\"version\":\"1237876415471554623\",\"id\":\"938956540159881230\",\"name\":\"imagine\","
                        + "\"type\":1,\"options\":[{\"type\":3,\"name\":\"prompt\",\"value\":\"a jda lighthouse\"}],"
                        + "\"attachments\":[]}}";
                assertThat(new SandboxHttp(sandbox.restBaseUrl()).post("/api/v9/interactions", user.token(), imagine)
                        .status()).isEqualTo(204);
                MessageReceivedEvent grid = null;
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (grid == null && System.nanoTime() < deadline) {
                    // Event-driven: block on the queue for what is left of the one limit.
                    MessageReceivedEvent next = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (next != null && next.getAuthor().getId().equals("936929561302675456")
                            && !next.getMessage().getAttachments().isEmpty()
                            && next.getMessage().getAttachments().get(0).getFileName().endsWith(".webp")) {
                        grid = next;
                    }
                }
                assertThat(grid).as("the Midjourney bot's final grid as a MessageReceivedEvent").isNotNull();
                assertThat(grid.getAuthor().isBot()).isTrue();
                assertThat(grid.getMessage().getContentRaw()).startsWith("**a jda lighthouse**").contains("<@" + user.userId() + ">");
                assertThat(grid.getMessage().getComponents()).isNotEmpty();
            } finally {
                jda.shutdownNow();
                jda.awaitShutdown(Duration.ofSeconds(10));
            }
        }
    }
}
