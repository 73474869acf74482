package dev.mjbridge.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mjbridge.config.MjProperties;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.MidjourneyCommands;
import dev.mjbridge.midjourney.UnplacedMessages;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** {@code mj.discord.capture-dir} as the application wires it: off when empty, and never writing a token. */
class CaptureSettingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN = "settings-test-user-token";
    private static final String MJ = MidjourneyCommands.MIDJOURNEY_APPLICATION_ID;

    @TempDir
    Path dir;

    private static MjProperties properties(String captureDir) {
        return new MjProperties(null, null, null,
                new MjProperties.Discord(null, null, null, null, null, captureDir), null, null, null);
    }

    private static AccountConfig account() {
        return new AccountConfig("acc-1", "1", "2", TOKEN, null, true, 3, 10, 5, SpeedMode.FAST,
                EnumSet.allOf(SpeedMode.class), true, EnumSet.allOf(BotType.class), 1, null, null, null);
    }

    @Test
    void emptyMeansNoCapture() {
        try (AccountObservers observers = new AccountConfiguration().accountObservers(properties(""), AccountProperties.defaults(),
                new UnplacedMessages())) {
            assertThat(observers.capture()).isNull();
        }
    }

    @Test
    void aDirectoryTurnsCaptureOnAndTheTokensOfEveryAccountBuiltAreNeverWritten() throws Exception {
        try (AccountObservers observers = new AccountConfiguration().accountObservers(
                properties(dir.toString()), AccountProperties.defaults(), new UnplacedMessages())) {
            // What AccountConnector does for each account it builds, at start-up or added by a live edit.
            observers.protectSecretsOf(account());
            observers.capture("acc-1", "2", "MESSAGE_CREATE", JSON.readTree(
                    "{\"author\":{\"id\":\"" + MJ + "\"},\"content\":\"echo " + TOKEN + "\"}"));
            observers.capture("acc-1", "2", "MESSAGE_CREATE", JSON.readTree(
                    "{\"author\":{\"id\":\"" + MJ + "\"},\"content\":\"**a cat** - <@3> (fast)\"}"));
            observers.capture("acc-1", "2", "READY", JSON.readTree("{\"session_id\":\"s\"}"));
            assertThat(observers.capture().awaitIdle(5_000)).as("the capture writer idle within 5 s").isTrue();

            String written = CaptureFiles.allLines(dir);
            assertThat(written.lines()).singleElement().asString().contains("**a cat**");
            assertThat(written).doesNotContain(TOKEN).doesNotContain("session_id");
        }
    }
}
