package dev.mjbridge.midjourney;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mjbridge.midjourney.MjEvent.InteractionSucceeded;
import dev.mjbridge.midjourney.MjEvent.JobFinished;
import dev.mjbridge.midjourney.MjEvent.JobProgress;
import dev.mjbridge.midjourney.MjEvent.JobStarted;
import dev.mjbridge.midjourney.MjEvent.ProgressDeleted;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every whole payload of {@code src/test/resources/captures/raw} (real Midjourney traffic of
 * 2023-03 to 2024-07, sources in the README there), with what a proxy must read from it.
 */
class CapturedRawMessagesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final MessageParser parser = new MessageParser();

    /** A fixture as the parser sees it: a gateway frame as is, a REST message as a MESSAGE_CREATE. */
    private MjEvent parse(String file) {
        JsonNode root = raw(file);
        ParseOutcome outcome = root.has("op") ? parser.explainFrame(root) : parser.explain("MESSAGE_CREATE", root);
        assertThat(outcome).as(file).isInstanceOf(ParseOutcome.Placed.class);
        return outcome.event().orElseThrow();
    }

    private static JsonNode raw(String file) {
        try (InputStream in = CapturedRawMessagesTest.class.getResourceAsStream("/captures/raw/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + file);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> gridButtons(String hash) {
        List<String> ids = new java.util.ArrayList<>();
        IntStream.rangeClosed(1, 4).forEach(i -> ids.add("MJ::JOB::upsample::" + i + "::" + hash));
        ids.add("MJ::JOB::reroll::0::" + hash + "::SOLO");
        IntStream.rangeClosed(1, 4).forEach(i -> ids.add("MJ::JOB::variation::" + i + "::" + hash));
        return ids;
    }

    private static List<String> v52UpscaleButtons(String h) {
        return List.of("MJ::JOB::high_variation::1::" + h + "::SOLO", "MJ::JOB::low_variation::1::" + h + "::SOLO",
                "MJ::Outpaint::50::1::" + h + "::SOLO", "MJ::Outpaint::75::1::" + h + "::SOLO",
                "MJ::CustomZoom::" + h,
                "MJ::JOB::pan_left::1::" + h + "::SOLO", "MJ::JOB::pan_right::1::" + h + "::SOLO",
                "MJ::JOB::pan_up::1::" + h + "::SOLO", "MJ::JOB::pan_down::1::" + h + "::SOLO",
                "MJ::BOOKMARK::" + h);
    }

    @Test
    void r01ImagineStartCarriesNonceAndInteraction() {
        JobStarted started = (JobStarted) parse("01-imagine-waiting-to-start-type0-2023-03.json");

        assertThat(started.kindHint()).isEqualTo(JobKind.IMAGINE);
        assertThat(started.correlation().prompt()).isEqualTo("glass");
        assertThat(started.correlation().nonce()).isEqualTo("1083788665919897600");
        assertThat(started.correlation().interactionId()).isEqualTo("1083788667513999500");
        assertThat(started.correlation().messageId()).isEqualTo("1083788668470304788");
        assertThat(started.correlation().jobHash()).isNull();
        assertThat(started.buttons()).isEmpty();
        assertThat(started.correlation().botType()).isEqualTo(BotType.MID_JOURNEY);
    }

    @Test
    void r02GridDoneRelaxed() {
        JobFinished grid = (JobFinished) parse("02-imagine-grid-done-relaxed-2023-03.json");
        String hash = "a7cb1552-f779-4094-9afe-2acf22dae280";

        assertThat(grid.resultKind()).isEqualTo(JobKind.IMAGINE);
        assertThat(grid.correlation().prompt()).isEqualTo("glass");
        assertThat(grid.jobHash()).isEqualTo(hash);
        assertThat(grid.mode()).isEqualTo("relaxed");
        assertThat(grid.imageUrl()).endsWith(hash + ".png");
        assertThat(grid.buttons()).extracting(Button::customId).containsExactlyElementsOf(gridButtons(hash));
        assertThat(grid.messageId()).isEqualTo("1083788807800897597");
    }

    @Test
    void r03ImagineStartWithoutNonceIsCorrelatedByInteraction() {
        JobStarted started = (JobStarted) parse("03-imagine-waiting-to-start-type20-2023-07.json");

        assertThat(started.kindHint()).isEqualTo(JobKind.IMAGINE);
        assertThat(started.correlation().prompt()).isEqualTo("snow");
        assertThat(started.correlation().nonce()).isNull();
        assertThat(started.correlation().interactionId()).isEqualTo("1127632830055333938");
        assertThat(started.correlation().messageId()).isEqualTo("1127632832227987536");
    }

    @Test
    void r04ProgressWithAPreviewNamedGrid0WithoutHash() {
        JobProgress progress = (JobProgress) parse("04-imagine-progress-0pct-grid0-nohash.json");

        assertThat(progress.percent()).isZero();
        assertThat(progress.mode()).isEqualTo("fast");
        assertThat(progress.correlation().prompt()).isEqualTo("snow");
        assertThat(progress.previewUrl()).endsWith("/grid_0.webp");
        assertThat(progress.previewUrls()).containsExactly(progress.previewUrl());
        assertThat(progress.correlation().jobHash()).isNull();
        assertThat(progress.correlation().interactionId()).isEqualTo("1127632830055333938");
        assertThat(progress.correlation().messageId()).isEqualTo("1127632832227987536");
    }

    @Test
    void r05Progress46() {
        JobProgress progress = (JobProgress) parse("05-imagine-progress-46pct.json");

        assertThat(progress.percent()).isEqualTo(46);
        assertThat(progress.correlation().prompt()).isEqualTo("snow");
        assertThat(progress.correlation().jobHash()).isNull();
        assertThat(progress.previewUrl()).endsWith("grid_0.webp");
    }

    @Test
    void r06GridDoneFastIsANewMessageWithoutInteraction() {
        JobFinished grid = (JobFinished) parse("06-imagine-grid-done-fast-2023-07.json");
        String hash = "a03e625f-383b-4592-8121-77f87ded20d4";

        assertThat(grid.resultKind()).isEqualTo(JobKind.IMAGINE);
        assertThat(grid.correlation().prompt()).isEqualTo("snow");
        assertThat(grid.jobHash()).isEqualTo(hash);
        assertThat(grid.mode()).isEqualTo("fast");
        assertThat(grid.buttons()).extracting(Button::customId).containsExactlyElementsOf(gridButtons(hash));
        assertThat(grid.correlation().interactionId()).isNull();
        assertThat(grid.correlation().referencedMessageId()).isNull();
    }

    @Test
    void r07DeletionOfTheProgressMessage() {
        ProgressDeleted deleted = (ProgressDeleted) parse("07-message-delete-progress-msg.json");

        assertThat(deleted.messageId()).isEqualTo("1127632832227987536");
        assertThat(deleted.correlation().channelId()).isEqualTo("1127614059894820930");
    }

    @Test
    void r08InteractionSuccessWithoutNonce() {
        InteractionSucceeded ok = (InteractionSucceeded) parse("08-interaction-success-no-nonce.json");

        assertThat(ok.interactionId()).isEqualTo("1127632830055333938");
        assertThat(ok.nonce()).isNull();
    }

    @Test
    void r09UpscaleStartTakesTheNewJobHashFromCancelJob() {
        JobStarted started = (JobStarted) parse("09-upscale-start-waiting-flags64.json");

        assertThat(started.kindHint()).isEqualTo(JobKind.UPSCALE);
        assertThat(started.index()).isEqualTo(1);
        assertThat(started.correlation().prompt()).isEqualTo("snow");
        assertThat(started.correlation().jobHash()).isEqualTo("7071fece-eb01-4729-8d25-b13a5b705369");
        assertThat(started.correlation().referencedMessageId()).isEqualTo("1127633074377728010");
        assertThat(started.buttons()).singleElement().satisfies(cancel -> {
            assertThat(cancel.customId()).isEqualTo("MJ::CancelJob::ByJobid::7071fece-eb01-4729-8d25-b13a5b705369");
            assertThat(cancel.label()).isEqualTo("Cancel Job");
            assertThat(cancel.parsedCustomId().kind()).isEqualTo(CustomId.Kind.CANCEL_JOB);
        });
    }

    @Test
    void r10ActionStartDoesNotTellItsKind() {
        JobStarted started = (JobStarted) parse("10-action-start-waiting-flags64-cancel-button.json");

        assertThat(started.kindHint()).isNull();
        assertThat(started.correlation().prompt()).isEqualTo("rain");
        assertThat(started.correlation().jobHash()).isEqualTo("875fbd3a-ef43-4134-a4e8-cd853565cbfd");
        assertThat(started.correlation().referencedMessageId()).isEqualTo("1127962442635419768");
        assertThat(started.buttons()).extracting(Button::customId)
                .containsExactly("MJ::CancelJob::ByJobid::875fbd3a-ef43-4134-a4e8-cd853565cbfd");
    }

    @Test
    void r11Progress93() {
        JobProgress progress = (JobProgress) parse("11-imagine-progress-93pct-2023-07-23.json");

        assertThat(progress.percent()).isEqualTo(93);
        assertThat(progress.correlation().prompt()).isEqualTo("boy");
        assertThat(progress.correlation().interactionId()).isEqualTo("1132709052196077588");
        assertThat(progress.correlation().jobHash()).isNull();
    }

    @Test
    void r12GridDone() {
        JobFinished grid = (JobFinished) parse("12-imagine-grid-done-2023-07-23.json");
        String hash = "297c4a33-917c-46ad-8ae1-3903143a5b67";

        assertThat(grid.correlation().prompt()).isEqualTo("boy");
        assertThat(grid.jobHash()).isEqualTo(hash);
        assertThat(grid.buttons()).extracting(Button::customId).containsExactlyElementsOf(gridButtons(hash));
    }

    @Test
    void r13AGridEditedOnlyInAButtonStyleIsStillTheSameJobsMessage() {
        JobFinished original = (JobFinished) parse("12-imagine-grid-done-2023-07-23.json");
        JobFinished edited = (JobFinished) parse("13-grid-edited-after-V1-click.json");

        // Same message, same job, same result: nothing that could be taken for the V1 job's result.
        assertThat(edited.messageId()).isEqualTo(original.messageId()).isEqualTo("1132709287244861460");
        assertThat(edited.jobHash()).isEqualTo(original.jobHash());
        assertThat(edited.correlation().referencedMessageId()).isNull();
        assertThat(edited.resultKind()).isEqualTo(JobKind.IMAGINE);
        assertThat(edited.resultLabel()).isEmpty();
        assertThat(edited.imageUrl()).isEqualTo(original.imageUrl());
        assertThat(edited.buttons()).extracting(Button::customId)
                .containsExactlyElementsOf(original.buttons().stream().map(Button::customId).toList());
        assertThat(edited.buttons().get(5).style()).isEqualTo(1);
        assertThat(original.buttons().get(5).style()).isEqualTo(2);
    }

    @Test
    void r14VariationsStrongDone() {
        JobFinished variation = (JobFinished) parse("14-variations-strong-done.json");
        String hash = "6b9b635a-400d-4cb4-b3c8-205ffdcf0e91";

        assertThat(variation.resultKind()).isEqualTo(JobKind.VARIATION);
        assertThat(variation.resultLabel()).isEqualTo("Variations (Strong)");
        assertThat(variation.correlation().prompt()).isEqualTo("boy");
        assertThat(variation.jobHash()).isEqualTo(hash);
        assertThat(variation.correlation().referencedMessageId()).isEqualTo("1132709287244861460");
        assertThat(variation.buttons()).extracting(Button::customId).containsExactlyElementsOf(gridButtons(hash));
        assertThat(variation.mode()).isEqualTo("fast");
    }

    @Test
    void r15UpscaleWithTheSpeedInsideTheBoldPrompt() {
        JobFinished upscale = (JobFinished) parse("15-upscale-image2-v52-buttons-with-referenced-grid.json");
        String hash = "f58fa448-1620-4aca-9621-005ef9f3b383";

        assertThat(upscale.resultKind()).isEqualTo(JobKind.UPSCALE);
        assertThat(upscale.index()).isEqualTo(2);
        assertThat(upscale.resultLabel()).isEqualTo("Image #2");
        assertThat(upscale.correlation().prompt()).startsWith("high definition photo of a modern powder bathroom")
                .endsWith(" (fast)");
        assertThat(upscale.mode()).isEqualTo("fast");
        assertThat(upscale.jobHash()).isEqualTo(hash);
        assertThat(upscale.correlation().referencedMessageId()).isEqualTo("1131713804179362064");
        // The link button (Web) has no custom id: it cannot be pressed and is not listed.
        assertThat(upscale.buttons()).extracting(Button::customId).containsExactlyElementsOf(v52UpscaleButtons(hash));
    }

    @Test
    void r16UpscaleImage4WithAMarkerPrefixedPrompt() {
        JobFinished upscale = (JobFinished) parse("16-upscale-image4-type19-nonce-prefixed-prompt.json");
        String hash = "c0817eea-4c46-4284-a64a-e36158d72cfe";

        assertThat(upscale.resultKind()).isEqualTo(JobKind.UPSCALE);
        assertThat(upscale.index()).isEqualTo(4);
        assertThat(upscale.correlation().prompt())
                .isEqualTo("[6144234458317582] The spaceship and the airplane collided. --s 750 --v 5.2");
        assertThat(upscale.jobHash()).isEqualTo(hash);
        assertThat(upscale.buttons()).extracting(Button::customId).containsExactlyElementsOf(v52UpscaleButtons(hash));
    }

    @Test
    void r17GridDoneOverRestRelaxed() {
        JobFinished grid = (JobFinished) parse("17-grid-done-rest-nonce-prefixed-prompt.json");

        assertThat(grid.correlation().prompt()).isEqualTo("[8262694398550213] The wolf is coming. --s 750 --v 5.2");
        assertThat(grid.jobHash()).isEqualTo("c65f63de-b743-438f-9137-e6d8e46276ce");
        assertThat(grid.mode()).isEqualTo("relaxed");
        assertThat(grid.correlation().guildId()).isNull();
    }

    @Test
    void r18NijiGridAsWebpWithOpenOnWebsite() {
        JobFinished grid = (JobFinished) parse("18-niji5-grid-webp-open-on-website-rest.json");
        String hash = "715f250c-6ccb-4419-8e16-1b98b4e5e12b";

        assertThat(grid.resultKind()).isEqualTo(JobKind.IMAGINE);
        assertThat(grid.correlation().prompt()).isEqualTo("Coca-Cola. --s 750 --niji 5");
        assertThat(grid.jobHash()).isEqualTo(hash);
        assertThat(grid.mode()).isEqualTo("relaxed");
        assertThat(grid.imageUrl()).contains(hash + ".webp");
        assertThat(grid.resultLabel()).isEmpty();
    }

    @Test
    void r19GridWithNumericComponentIdsAndAnImagePrompt() {
        JobFinished grid = (JobFinished) parse("19-grid-done-2024-07-image-link-component-ids-rest.json");
        String hash = "622b7e5f-c928-45af-be1f-90d43d1c0370";

        assertThat(grid.correlation().prompt())
                .isEqualTo("<https://s.mj.run/ofcw-RMB-rs> have a teeth like a tiger [668a48573ae4c]");
        assertThat(grid.jobHash()).isEqualTo(hash);
        assertThat(grid.mode()).isEqualTo("fast");
        assertThat(grid.resultKind()).isEqualTo(JobKind.IMAGINE);
        assertThat(grid.buttons()).extracting(Button::customId).containsExactlyElementsOf(gridButtons(hash));
        assertThat(grid.buttons()).extracting(Button::label)
                .containsExactly("U1", "U2", "U3", "U4", "", "V1", "V2", "V3", "V4");
    }
}
