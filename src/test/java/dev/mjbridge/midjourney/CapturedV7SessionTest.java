package dev.mjbridge.midjourney;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mjbridge.midjourney.MjEvent.JobFinished;
import dev.mjbridge.midjourney.MjEvent.JobProgress;
import dev.mjbridge.midjourney.MjEvent.JobRated;
import dev.mjbridge.midjourney.MjEvent.JobStarted;
import dev.mjbridge.testing.CapturedSession;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The real 2026 session (Midjourney V7 and video) in {@code captures/v7-2026/session.jsonl}: every
 * message kind it holds, read as the gateway delivers it. Line numbers are 0-based, as
 * {@link CapturedSession.Line#number()}.
 */
class CapturedV7SessionTest {

    private static final String USER = "1502242966100639815";
    private static final String CHANNEL = "1502243953687265485";
    private static final String SPRITES = "a classic 2000s mobile game scene come alive as 3D sprites";
    private static final String BIRD = "a small bird pixel-art sprite, single centered character, clean transparent"
            + " background --ar 1:1 --v 7.0 --no background scenery, drop shadow, frame, cscidnocollide781b1185 --raw";
    private static final String GRID = "5f2a1826-7bb0-42c2-b441-98a48a39e760";
    private static final String BIRD_U1_RESULT = "1511317210822611026";

    private final CapturedSession session = CapturedSession.v7();
    private final MessageParser parser = new MessageParser();

    private MjEvent event(int line) {
        CapturedSession.Line captured = session.lines().get(line);
        ParseOutcome outcome = parser.explain(captured.dispatchType(), captured.toDiscordMessage());
        assertThat(outcome).as("line %d: %s", line, captured.content()).isInstanceOf(ParseOutcome.Placed.class);
        return outcome.event().orElseThrow();
    }

    private static List<String> gridButtons(String hash) {
        List<String> ids = new java.util.ArrayList<>();
        IntStream.rangeClosed(1, 4).forEach(i -> ids.add("MJ::JOB::upsample::" + i + "::" + hash));
        ids.add("MJ::JOB::reroll::0::" + hash + "::SOLO");
        IntStream.rangeClosed(1, 4).forEach(i -> ids.add("MJ::JOB::variation::" + i + "::" + hash));
        return ids;
    }

    @Test
    void everyLineOfTheSessionIsPlaced() {
        for (CapturedSession.Line line : session.lines()) {
            assertThat(parser.explain(line.dispatchType(), line.toDiscordMessage()))
                    .as("line %d: %s", line.number(), line.content())
                    .isInstanceOf(ParseOutcome.Placed.class);
        }
    }

    @Test
    void imagineStartsWaiting() {
        JobStarted started = (JobStarted) event(0);

        assertThat(started.correlation().prompt()).isEqualTo(SPRITES);
        assertThat(started.correlation().mentionedUserId()).isEqualTo(USER);
        assertThat(started.correlation().messageId()).isEqualTo("1511317060477653013");
        assertThat(started.correlation().jobHash()).isNull();
        assertThat(started.buttons()).isEmpty();
    }

    @Test
    void imagineProgressFirstWithoutPreviewThenWithTheGridPreview() {
        JobProgress early = (JobProgress) event(1);
        assertThat(early.percent()).isEqualTo(20);
        assertThat(early.mode()).isEqualTo("fast");
        assertThat(early.previewUrl()).isNull();
        assertThat(early.previewUrls()).isEmpty();
        assertThat(early.correlation().prompt()).isEqualTo(SPRITES);
        assertThat(early.correlation().jobHash()).isNull();

        JobProgress withPreview = (JobProgress) event(3);
        assertThat(withPreview.percent()).isEqualTo(35);
        assertThat(withPreview.previewUrl()).contains(GRID + "_grid_0.webp");
        assertThat(withPreview.previewUrls()).containsExactly(withPreview.previewUrl());
        assertThat(withPreview.correlation().jobHash()).isEqualTo(GRID);
        assertThat(withPreview.correlation().messageId()).isEqualTo("1511317060477653013");
    }

    @Test
    void finalGridWithTheOpenOnWebsiteLink() {
        JobFinished grid = (JobFinished) event(7);

        assertThat(grid.resultKind()).isEqualTo(JobKind.IMAGINE);
        assertThat(grid.resultLabel()).isEmpty();
        assertThat(grid.mode()).isEqualTo("fast");
        assertThat(grid.correlation().prompt()).isEqualTo(SPRITES);
        assertThat(grid.jobHash()).isEqualTo(GRID);
        assertThat(grid.messageId()).isEqualTo("1511317165473660928");
        assertThat(grid.correlation().referencedMessageId()).isEqualTo("1511317060477653013");
        assertThat(grid.filename()).endsWith(GRID + ".webp");
        assertThat(grid.buttons()).extracting(Button::customId).containsExactlyElementsOf(gridButtons(GRID));
    }

    @Test
    void theWebsiteLinkIsNeitherModeNorLabelEvenWithoutASpeed() {
        JobContent content = JobContent.parse("**cat** - <@1> [(Open on website for full quality)]"
                + "(<https://midjourney.com/jobs/" + GRID + ">)").orElseThrow();

        assertThat(content.mode()).isNull();
        assertThat(content.label()).isEmpty();
        assertThat(content.prompt()).isEqualTo("cat");
    }

    @Test
    void anEditedGridThatOnlyChangedAButtonStyleIsTheSameJobsMessage() {
        JobFinished original = (JobFinished) event(7);
        JobFinished edited = (JobFinished) event(12);

        assertThat(session.lines().get(12).isEdit()).isTrue();
        assertThat(edited.messageId()).isEqualTo(original.messageId());
        assertThat(edited.jobHash()).isEqualTo(GRID);
        assertThat(edited.correlation().referencedMessageId()).isEqualTo(original.correlation().referencedMessageId());
        assertThat(edited.resultKind()).isEqualTo(JobKind.IMAGINE);
        assertThat(edited.buttons().get(0).style()).isEqualTo(1);
    }

    @Test
    void upscaleStartIsEphemeralWithCancelJob() {
        JobStarted started = (JobStarted) event(11);
        String newJob = "564950e3-461a-45ca-9aac-c9fd4ddd1e50";

        assertThat(started.kindHint()).isEqualTo(JobKind.UPSCALE);
        assertThat(started.index()).isEqualTo(1);
        assertThat(started.correlation().prompt()).isEqualTo(SPRITES);
        assertThat(started.correlation().jobHash()).isEqualTo(newJob);
        assertThat(started.correlation().referencedMessageId()).isEqualTo("1511317165473660928");
        assertThat(started.buttons()).singleElement().satisfies(cancel -> {
            assertThat(cancel.customId()).isEqualTo("MJ::CancelJob::ByJobid::" + newJob);
            assertThat(cancel.label()).isEqualTo("Cancel Job");
            assertThat(cancel.style()).isEqualTo(4);
        });
    }

    @Test
    void upscaleResultHasTheWholeV7Row() {
        JobFinished upscale = (JobFinished) event(13);
        String h = "564950e3-461a-45ca-9aac-c9fd4ddd1e50";

        assertThat(upscale.resultKind()).isEqualTo(JobKind.UPSCALE);
        assertThat(upscale.resultLabel()).isEqualTo("Image #1");
        assertThat(upscale.index()).isEqualTo(1);
        assertThat(upscale.jobHash()).isEqualTo(h);
        assertThat(upscale.filename()).endsWith(h + ".png");
        assertThat(upscale.mode()).isNull();
        assertThat(upscale.correlation().referencedMessageId()).isEqualTo("1511317165473660928");
        assertThat(upscale.buttons()).extracting(Button::customId).containsExactly(
                "MJ::JOB::upsample_v7_2x_subtle::1::" + h + "::SOLO",
                "MJ::JOB::upsample_v7_2x_creative::1::" + h + "::SOLO",
                "MJ::JOB::low_variation::1::" + h + "::SOLO",
                "MJ::JOB::high_variation::1::" + h + "::SOLO",
                "MJ::Inpaint::1::" + h + "::SOLO",
                "MJ::Outpaint::50::1::" + h + "::SOLO",
                "MJ::Outpaint::75::1::" + h + "::SOLO",
                "MJ::CustomZoom::" + h,
                "MJ::JOB::pan_left::1::" + h + "::SOLO",
                "MJ::JOB::pan_right::1::" + h + "::SOLO",
                "MJ::JOB::pan_up::1::" + h + "::SOLO",
                "MJ::JOB::pan_down::1::" + h + "::SOLO",
                "MJ::JOB::animate_high::1::" + h + "::SOLO",
                "MJ::JOB::animate_low::1::" + h + "::SOLO",
                "MJ::BOOKMARK::" + h);
        assertThat(upscale.buttons()).extracting(b -> b.parsedCustomId().kind()).containsSubsequence(
                CustomId.Kind.UPSCALE_HD, CustomId.Kind.VARY_SUBTLE, CustomId.Kind.VARY_STRONG,
                CustomId.Kind.VARY_REGION, CustomId.Kind.ZOOM_OUT, CustomId.Kind.CUSTOM_ZOOM, CustomId.Kind.PAN,
                CustomId.Kind.ANIMATE, CustomId.Kind.BOOKMARK);
        assertThat(upscale.buttons().get(12).label()).isEqualTo("Animate (High motion)");
    }

    @Test
    void variationStartProgressAndFinal() {
        JobStarted started = (JobStarted) event(15);
        String job = "9a5aa072-26f3-4902-a2e2-f76f2db12270";
        assertThat(started.kindHint()).isEqualTo(JobKind.VARIATION);
        assertThat(started.index()).isEqualTo(1);
        assertThat(started.correlation().prompt()).isEqualTo(BIRD);
        assertThat(started.correlation().jobHash()).isEqualTo(job);
        assertThat(started.correlation().referencedMessageId()).isEqualTo(BIRD_U1_RESULT);

        JobProgress progress = (JobProgress) event(19);
        assertThat(progress.percent()).isEqualTo(27);
        assertThat(progress.mode()).isEqualTo("fast");
        assertThat(progress.correlation().prompt()).isEqualTo(BIRD);
        assertThat(progress.correlation().jobHash()).isEqualTo(job);
        assertThat(progress.buttons()).extracting(Button::customId).containsExactly("MJ::CancelJob::ByJobid::" + job);
        assertThat(progress.previewUrls()).isEmpty();

        JobProgress withPreview = (JobProgress) event(21);
        assertThat(withPreview.percent()).isEqualTo(51);
        assertThat(withPreview.previewUrl()).contains(job + "_grid_0.webp");

        JobFinished done = (JobFinished) event(22);
        assertThat(done.resultKind()).isEqualTo(JobKind.VARIATION);
        assertThat(done.resultLabel()).isEqualTo("Variations (Strong)");
        assertThat(done.mode()).isEqualTo("fast");
        assertThat(done.jobHash()).isEqualTo(job);
        assertThat(done.correlation().prompt()).isEqualTo(BIRD);
        assertThat(done.correlation().referencedMessageId()).isEqualTo(BIRD_U1_RESULT);
        assertThat(done.buttons()).extracting(Button::customId).containsExactlyElementsOf(gridButtons(job));
    }

    @Test
    void zoomStartProgressAndFinal() {
        String job = "acdc5004-1a50-41f3-b367-f1d9a87a6558";
        JobStarted started = (JobStarted) event(26);
        assertThat(started.kindHint()).isNull();
        assertThat(started.correlation().jobHash()).isEqualTo(job);
        assertThat(started.correlation().referencedMessageId()).isEqualTo(BIRD_U1_RESULT);
        assertThat(started.buttons()).extracting(Button::customId).containsExactly("MJ::CancelJob::ByJobid::" + job);

        JobProgress progress = (JobProgress) event(28);
        assertThat(progress.percent()).isEqualTo(35);
        assertThat(progress.correlation().jobHash()).isEqualTo(job);
        assertThat(progress.previewUrl()).contains(job + "_grid_0.webp");

        JobFinished done = (JobFinished) event(29);
        assertThat(done.resultKind()).isEqualTo(JobKind.ZOOM);
        assertThat(done.resultLabel()).isEqualTo("Zoom Out");
        assertThat(done.mode()).isEqualTo("fast");
        assertThat(done.jobHash()).isEqualTo(job);
        assertThat(done.buttons()).extracting(Button::customId).containsExactlyElementsOf(gridButtons(job));
    }

    @Test
    void panStartProgressAndFinal() {
        String job = "0c1e00fa-a96d-4df7-99b3-65eb17bb60c6";
        JobStarted started = (JobStarted) event(30);
        assertThat(started.correlation().jobHash()).isEqualTo(job);
        assertThat(started.correlation().prompt()).endsWith("--raw --ar 3:2");

        JobProgress progress = (JobProgress) event(31);
        assertThat(progress.percent()).isEqualTo(10);
        assertThat(progress.mode()).isEqualTo("fast");

        JobFinished done = (JobFinished) event(33);
        assertThat(done.resultKind()).isEqualTo(JobKind.PAN);
        assertThat(done.resultLabel()).isEqualTo("Pan Right");
        assertThat(done.jobHash()).isEqualTo(job);
        assertThat(done.mode()).isEqualTo("fast");
    }

    @Test
    void v7TwoTimesUpscaleIsProgressThenAnUpscaleResultWithRedoButtons() {
        String job = "7758c7cb-d151-48de-8c0c-90399e7e1939";
        JobStarted started = (JobStarted) event(34);
        assertThat(started.kindHint()).isEqualTo(JobKind.UPSCALE);
        assertThat(started.correlation().jobHash()).isEqualTo(job);

        JobProgress zero = (JobProgress) event(35);
        assertThat(zero.percent()).isZero();
        assertThat(zero.mode()).isEqualTo("fast");
        JobProgress progress = (JobProgress) event(37);
        assertThat(progress.percent()).isEqualTo(15);
        assertThat(progress.previewUrl()).contains(job + "_grid_0.webp");

        JobFinished done = (JobFinished) event(38);
        assertThat(done.resultKind()).isEqualTo(JobKind.UPSCALE);
        assertThat(done.resultLabel()).isEqualTo("Upscaled");
        assertThat(done.mode()).isEqualTo("fast");
        assertThat(done.jobHash()).isEqualTo(job);
        assertThat(done.filename()).endsWith(job + ".png");
        assertThat(done.correlation().referencedMessageId()).isEqualTo(BIRD_U1_RESULT);
        assertThat(done.buttons()).extracting(Button::label).containsExactly("Redo Upscale (Subtle)",
                "Redo Upscale (Creative)", "Vary (Subtle)", "Vary (Strong)", "Animate (High motion)",
                "Animate (Low motion)", "");
        assertThat(done.buttons().get(0).customId()).isEqualTo("MJ::JOB::upsample_v7_2x_subtle::1::" + job + "::SOLO");
    }

    @Test
    void animatingStartsAVideoJob() {
        JobStarted animating = (JobStarted) event(14);

        assertThat(animating.kindHint()).isEqualTo(JobKind.VIDEO);
        assertThat(animating.content()).isEqualTo("Animating...");
        assertThat(animating.correlation().messageId()).isEqualTo("1511317497620463676");
        assertThat(animating.correlation().referencedMessageId()).isEqualTo("1511317460668780624");
        assertThat(animating.correlation().prompt()).isNull();
    }

    @Test
    void creatingVideoIsTheSameStartWithThePrompt() {
        JobStarted creating = (JobStarted) event(16);

        assertThat(creating.kindHint()).isEqualTo(JobKind.VIDEO);
        assertThat(creating.correlation().messageId()).isEqualTo("1511317497620463676");
        assertThat(creating.correlation().prompt()).isEqualTo(SPRITES + " --motion high --video 1 --aspect 1:1");
        assertThat(creating.correlation().mentionedUserId()).isEqualTo(USER);
    }

    @Test
    void videoProgressFirstWithoutPreviewsThenWithAllFourSteps() {
        JobProgress early = (JobProgress) event(20);
        assertThat(early.percent()).isEqualTo(12);
        assertThat(early.previewUrls()).isEmpty();

        String video = "df062413-0408-4703-8863-42ec7038c1d6";
        JobProgress steps = (JobProgress) event(24);
        assertThat(steps.percent()).isEqualTo(51);
        assertThat(steps.mode()).isEqualTo("fast");
        assertThat(steps.correlation().jobHash()).isEqualTo(video);
        assertThat(steps.previewUrls()).hasSize(4);
        for (int clip = 0; clip < 4; clip++) {
            assertThat(steps.previewUrls().get(clip)).contains(video + "_" + clip + "_step_2.jpeg");
        }
        assertThat(steps.previewUrl()).isEqualTo(steps.previewUrls().get(0));
    }

    @Test
    void videoResultHasVideoUpscaleButtons() {
        JobFinished video = (JobFinished) event(25);
        String h = "df062413-0408-4703-8863-42ec7038c1d6";

        assertThat(video.resultKind()).isEqualTo(JobKind.VIDEO);
        assertThat(video.resultLabel()).isEmpty();
        assertThat(video.mode()).isEqualTo("fast");
        assertThat(video.jobHash()).isEqualTo(h);
        assertThat(video.filename()).endsWith(h + ".webp");
        assertThat(video.correlation().prompt()).isEqualTo(SPRITES + " --motion high --video 1 --aspect 1:1");
        assertThat(video.correlation().referencedMessageId()).isEqualTo("1511317460668780624");
        assertThat(video.buttons()).extracting(Button::customId).containsExactly(
                "MJ::JOB::video_virtual_upscale::1::" + h, "MJ::JOB::video_virtual_upscale::2::" + h,
                "MJ::JOB::video_virtual_upscale::3::" + h, "MJ::JOB::video_virtual_upscale::4::" + h,
                "MJ::JOB::reroll::0::" + h + "::SOLO");
        assertThat(video.buttons().get(0).parsedCustomId().kind()).isEqualTo(CustomId.Kind.VIDEO_UPSCALE);
    }

    @Test
    void secondVideoFromTheTwoTimesUpscaleReadsTheSame() {
        assertThat(((JobStarted) event(39)).kindHint()).isEqualTo(JobKind.VIDEO);
        assertThat(((JobStarted) event(40)).kindHint()).isEqualTo(JobKind.VIDEO);
        assertThat(((JobProgress) event(41)).previewUrls()).hasSize(4);
        JobFinished video = (JobFinished) event(42);
        assertThat(video.resultKind()).isEqualTo(JobKind.VIDEO);
        assertThat(video.jobHash()).isEqualTo("9bdd338a-3876-4b4b-b175-af661e8a8cab");
    }

    @Test
    void ratingNamesTheRatedMessage() {
        JobRated rated = (JobRated) event(43);

        assertThat(rated.ratedMessageId()).isEqualTo(BIRD_U1_RESULT);
        assertThat(rated.correlation().referencedMessageId()).isEqualTo(BIRD_U1_RESULT);
        assertThat(rated.correlation().channelId()).isEqualTo(CHANNEL);
        assertThat(rated.content()).startsWith("You have successfully rated");
    }

    @Test
    void oldAndNewFormsParseWithTheSameParser() {
        // 2023 form of a grid and the 2026 one side by side: both are imagine results.
        JobFinished old = (JobFinished) parser.parse("MESSAGE_CREATE", TestMessages.withAttachment(
                TestMessages.fromBot("**cat** - <@1> (relaxed)"), "x_cat_" + GRID + ".png", 1, 1)).orElseThrow();
        JobFinished now = (JobFinished) event(7);

        assertThat(old.resultKind()).isEqualTo(now.resultKind()).isEqualTo(JobKind.IMAGINE);
        assertThat(old.mode()).isEqualTo("relaxed");
        assertThat(now.mode()).isEqualTo("fast");
    }
}
