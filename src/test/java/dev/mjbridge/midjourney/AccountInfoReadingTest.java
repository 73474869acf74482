package dev.mjbridge.midjourney;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * /info text and /settings buttons read tolerantly: every figure that is shown is read, odd or
 * missing lines never fail, and what is not understood is kept verbatim.
 */
class AccountInfoReadingTest {

    private static final String FULL = """
            **User ID**: 1200000000000000042
            **Subscription**: Pro (Active monthly, renews next on <t:1735689600>)
            **Job Mode**: Relaxed
            **Visibility Mode**: Stealth
            **Fast Time Remaining**: 12.50/30.0 hours (41.67%)
            **Lifetime Usage**: 1,234 images (56.78 hours)
            **Relaxed Usage**: 77 images (3.21 hours)

            **Queued Jobs (fast)**: 2
            **Queued Jobs (relax)**: 1
            **Running Jobs**: 3b2a1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d (fast), 0f2a1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0e (fast)""";

    @Test
    void readsEveryFigureOfAFullInfo() {
        AccountInfo info = InfoText.read(FULL);

        assertThat(info.subscription()).isEqualTo("Pro (Active monthly, renews next on <t:1735689600>)");
        assertThat(info.jobMode()).isEqualTo("Relaxed");
        assertThat(info.visibilityMode()).isEqualTo("Stealth");
        assertThat(info.fastTimeRemainingSeconds()).isEqualTo(45_000L);
        assertThat(info.lifetimeImages()).isEqualTo(1_234L);
        assertThat(info.relaxedImages()).isEqualTo(77L);
        assertThat(info.queuedJobs()).isEqualTo(3);
        assertThat(info.runningJobs()).isEqualTo(2);
        assertThat(info.raw()).isEmpty();
    }

    @Test
    void unknownLinesAndUnreadableValuesAreKeptVerbatimAndTheRestIsStillRead() {
        AccountInfo info = InfoText.read("""
                Your account, as of today:
                **Subscription**: Basic (Paused)
                **Fast Time Remaining**: unlimited
                **Metered Usage**: 4.2 hours this month
                **Running Jobs**: None
                **Lifetime Usage**: lots""");

        assertThat(info.subscription()).isEqualTo("Basic (Paused)");
        assertThat(info.runningJobs()).isZero();
        assertThat(info.fastTimeRemainingSeconds()).isNull();
        assertThat(info.lifetimeImages()).isNull();
        assertThat(info.raw()).containsExactly("Your account, as of today:", "**Fast Time Remaining**: unlimited",
                "**Metered Usage**: 4.2 hours this month", "**Lifetime Usage**: lots");
    }

    @Test
    void missingLinesLeaveTheirFiguresEmpty() {
        AccountInfo info = InfoText.read("**Job Mode**: Fast");

        assertThat(info.jobMode()).isEqualTo("Fast");
        assertThat(info.subscription()).isNull();
        assertThat(info.fastTimeRemainingSeconds()).isNull();
        assertThat(info.queuedJobs()).isNull();
        assertThat(info.runningJobs()).isNull();
        assertThat(info.raw()).isEmpty();
        assertThat(InfoText.read((String) null)).isEqualTo(AccountInfo.NONE);
        assertThat(InfoText.read("")).isEqualTo(AccountInfo.NONE);
    }

    @Test
    void fastTimeInMinutesOrWithoutATotalIsRead() {
        assertThat(InfoText.read("**Fast Time Remaining**: 45 minutes").fastTimeRemainingSeconds()).isEqualTo(2_700L);
        assertThat(InfoText.read("**Fast Time Remaining**: 0.00/3.3 hours (0.00%)").fastTimeRemainingSeconds())
                .isZero();
        assertThat(InfoText.read("**Fast Time Remaining** 1.5h").fastTimeRemainingSeconds()).isEqualTo(5_400L);
        assertThat(InfoText.read("**Running Jobs**: 2").runningJobs()).isEqualTo(2);
    }

    @Test
    void settingsShowRemixSpeedVisibilityAndSuffixByTheGreenButtons() {
        MjEvent.BotReply reply = settings("Adjust your settings here. Current suffix:  `--v 7 --style raw`",
                new Button("MJ::Settings::RemixMode", "🎛️", "Remix mode", 2, 3),
                new Button("MJ::Settings::PublicMode", "", "Public mode", 2, 2),
                new Button("MJ::Settings::StealthMode", "", "Stealth mode", 2, 3),
                new Button("MJ::Settings::TurboMode", "", "Turbo mode", 2, 2),
                new Button("MJ::Settings::FastMode", "", "Fast mode", 2, 2),
                new Button("MJ::Settings::RelaxMode", "", "Relax mode", 2, 3));

        SettingsPanel panel = SettingsPanel.read(reply).orElseThrow();

        assertThat(panel.messageId()).isEqualTo("1200000000000000600");
        assertThat(panel.remix()).isTrue();
        assertThat(panel.speed()).isEqualTo("RELAX");
        assertThat(panel.stealth()).isTrue();
        assertThat(panel.suffix()).isEqualTo("--v 7 --style raw");
        assertThat(panel.speedButton("FAST").orElseThrow().customId()).isEqualTo("MJ::Settings::FastMode");
        assertThat(panel.remixButton().orElseThrow().customId()).isEqualTo("MJ::Settings::RemixMode");
    }

    @Test
    void olderIdsAndLabelsAloneAreRecognisedAndMissingButtonsLeaveTheirTogglesUnknown() {
        SettingsPanel older = SettingsPanel.read(settings("settings",
                new Button("MJ::Settings::RelaxMode::on", "", "Relax mode", 2, 3),
                new Button("MJ::Settings::HighVariabilityMode::1", "", "High Variation Mode", 2, 3))).orElseThrow();
        assertThat(older.speed()).isEqualTo("RELAX");
        assertThat(older.remix()).isNull();
        assertThat(older.stealth()).isNull();
        assertThat(older.suffix()).isNull();

        SettingsPanel byLabel = SettingsPanel.read(settings("", new Button("x::remix", "", "Remix mode", 2, 2)))
                .orElseThrow();
        assertThat(byLabel.remix()).isFalse();
        assertThat(byLabel.speed()).isNull();
    }

    @Test
    void aReplyWithoutSettingsButtonsIsNoSettingsMessage() {
        assertThat(SettingsPanel.read(settings("Done! Switched to fast mode."))).isEmpty();
        assertThat(SettingsPanel.read(settings("", new Button("MJ::JOB::upsample::1::h", "", "U1", 2, 2)))).isEmpty();
    }

    @Test
    void infoAndSettingsCombineWithoutLosingEachOther() {
        AccountInfo info = InfoText.read(FULL);
        SettingsPanel panel = new SettingsPanel("1", false, "FAST", false, "--v 7", List.of());

        AccountInfo both = AccountInfo.NONE.withInfo(info).withSettings(panel);
        AccountInfo newer = both.withInfo(InfoText.read("**Job Mode**: Fast"));

        assertThat(both.jobMode()).isEqualTo("Relaxed");
        assertThat(both.speed()).isEqualTo("FAST");
        assertThat(newer.jobMode()).isEqualTo("Fast");
        assertThat(newer.remix()).isFalse();
        assertThat(newer.suffix()).isEqualTo("--v 7");
        assertThat(newer.fastTimeRemainingSeconds()).isNull();
    }

    private static MjEvent.BotReply settings(String content, Button... buttons) {
        Correlation correlation = new Correlation(null, "1200000000000000955", "1200000000000000600", null, null, null,
                null, "1200000000000000002", "1200000000000000001", BotType.MID_JOURNEY);
        return new MjEvent.BotReply(correlation, content, null, null, List.of(buttons));
    }
}
