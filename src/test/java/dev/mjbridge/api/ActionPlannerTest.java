package dev.mjbridge.api;

import static dev.mjbridge.api.ApiFixture.CHANNEL_ID;
import static dev.mjbridge.api.ApiFixture.HASH;
import static dev.mjbridge.api.ApiFixture.MESSAGE_ID;
import static dev.mjbridge.api.ApiFixture.PARENT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.JobRequest;
import dev.mjbridge.task.ActionOptions;
import dev.mjbridge.task.ActionPlan;
import dev.mjbridge.task.ActionPlanner;
import dev.mjbridge.task.Task;
import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.task.TaskButton;
import dev.mjbridge.task.TaskProperties;
import dev.mjbridge.task.TaskService;
import dev.mjbridge.task.TaskStatus;

/** ActionPlanner: from a parent task and a customId to the child task, its request and routing. */
class ActionPlannerTest {

    private final TaskService tasks = mock(TaskService.class);
    private final ActionPlanner planner = new ActionPlanner(tasks);

    ActionPlannerTest() {
        when(tasks.newTask(any())).thenAnswer(call -> Task.create("2", call.getArgument(0), 5L));
    }

    private ActionPlan plan(Task parent, String customId) {
        return planner.plan(parent, customId, ActionOptions.DEFAULTS);
    }

    private static ActionPlan.Submit submitted(ActionPlan plan) {
        assertThat(plan).isInstanceOf(ActionPlan.Submit.class);
        return (ActionPlan.Submit) plan;
    }

    private static ActionPlan.Refused refused(ActionPlan plan) {
        assertThat(plan).isInstanceOf(ActionPlan.Refused.class);
        ActionPlan.Refused refused = (ActionPlan.Refused) plan;
        assertThat(refused.field()).isEqualTo("customId");
        return refused;
    }

    @Test
    void upscalePressesTheButtonOnTheParentsMessageAndAccount() {
        ActionPlan.Submit plan = submitted(planner.plan(ApiFixture.finishedGrid(), "MJ::JOB::upsample::2::" + HASH,
                new ActionOptions(false, SpeedMode.TURBO, "st", "https://hook.example")));

        Task child = plan.task();
        assertThat(child.action()).isEqualTo(JobKind.UPSCALE);
        assertThat(child.prompt()).isEqualTo("cat --ar 3:2");
        assertThat(child.promptEn()).isEqualTo("cat --ar 3:2");
        assertThat(child.description()).isEqualTo("/up " + PARENT_ID + " U2");
        assertThat(child.customId()).isEqualTo("MJ::JOB::upsample::2::" + HASH);
        assertThat(child.state()).isEqualTo("st");
        assertThat(child.internal().notifyHook()).isEqualTo("https://hook.example");
        assertThat(child.properties().parentId()).isEqualTo(PARENT_ID);
        assertThat(plan.request()).isEqualTo(new JobRequest.Button(MESSAGE_ID, 0, "MJ::JOB::upsample::2::" + HASH, null));
        assertThat(plan.routing().pinnedAccountId()).isEqualTo("main");
        assertThat(plan.routing().sameChannelAs()).isNull();
        assertThat(plan.routing().mode()).isEqualTo(SpeedMode.TURBO);
        assertThat(plan.routing().botType()).isEqualTo(BotType.MID_JOURNEY);
    }

    @Test
    void chooseSameChannelOpensTheParentsChannel() {
        ActionPlan.Submit plan = submitted(planner.plan(ApiFixture.finishedGrid(), "MJ::JOB::variation::3::" + HASH,
                new ActionOptions(true, null, null, null)));

        assertThat(plan.task().action()).isEqualTo(JobKind.VARIATION);
        assertThat(plan.task().description()).isEqualTo("/up " + PARENT_ID + " V3");
        assertThat(plan.routing().pinnedAccountId()).isNull();
        assertThat(plan.routing().sameChannelAs()).isEqualTo(CHANNEL_ID);
    }

    @Test
    void nijiParentsAndMessageFlagsCarryOver() {
        Task parent = ApiFixture.finishedGrid().withBotType(Task.NIJI_JOURNEY);
        parent = parent.withProperties(parent.properties().withFlags(64));

        ActionPlan.Submit plan = submitted(plan(parent, "MJ::JOB::reroll::0::" + HASH + "::SOLO"));

        assertThat(plan.task().action()).isEqualTo(JobKind.REROLL);
        assertThat(plan.task().description()).isEqualTo("/up " + PARENT_ID + " R");
        assertThat(plan.task().botType()).isEqualTo(Task.NIJI_JOURNEY);
        assertThat(plan.routing().botType()).isEqualTo(BotType.NIJI_JOURNEY);
        assertThat(((JobRequest.Button) plan.request()).messageFlags()).isEqualTo(64);
    }

    @Test
    void buttonsOfAnUpscaleNameThemselvesInTheDescription() {
        Task parent = ApiFixture.finishedUpscale();

        assertThat(submitted(plan(parent, "MJ::JOB::low_variation::1::" + HASH + "::SOLO")).task().description())
                .isEqualTo("/up " + PARENT_ID + " Vary (Subtle)");
        ActionPlan.Submit pan = submitted(plan(parent, "MJ::JOB::pan_left::1::" + HASH + "::SOLO"));
        assertThat(pan.task().action()).isEqualTo(JobKind.PAN);
        assertThat(pan.task().description()).isEqualTo("/up " + PARENT_ID + " Pan Left");
        ActionPlan.Submit zoom = submitted(plan(parent, "MJ::Outpaint::50::1::" + HASH + "::SOLO"));
        assertThat(zoom.task().action()).isEqualTo(JobKind.ZOOM);
        assertThat(zoom.task().description()).isEqualTo("/up " + PARENT_ID + " Zoom Out 2x");
        ActionPlan.Submit upscale = submitted(plan(parent, "MJ::JOB::upsample_v7_2x_subtle::1::" + HASH + "::SOLO"));
        assertThat(upscale.task().action()).isEqualTo(JobKind.UPSCALE);
    }

    @Test
    void customZoomAwaitsTheModalWithTheParentsFinalPrompt() {
        ActionPlan plan = plan(ApiFixture.finishedUpscale(), "MJ::CustomZoom::" + HASH);

        assertThat(plan).isInstanceOf(ActionPlan.AwaitModal.class);
        ActionPlan.AwaitModal modal = (ActionPlan.AwaitModal) plan;
        assertThat(modal.task().action()).isEqualTo(JobKind.ZOOM);
        assertThat(modal.pending()).isEqualTo(new JobRequest.Button(MESSAGE_ID, 0, "MJ::CustomZoom::" + HASH, null));
        assertThat(modal.finalPrompt()).isEqualTo("cat --ar 3:2 --v 7");
        assertThat(modal.routing().pinnedAccountId()).isEqualTo("main");
    }

    @Test
    void varyRegionAwaitsTheModalAsAVariation() {
        ActionPlan plan = plan(ApiFixture.finishedUpscale(), "MJ::Inpaint::1::" + HASH + "::SOLO");

        assertThat(plan).isInstanceOf(ActionPlan.AwaitModal.class);
        assertThat(((ActionPlan.AwaitModal) plan).task().action()).isEqualTo(JobKind.VARIATION);
    }

    @Test
    void theBookmarkMakesARatingTaskThatPressesIt() {
        ActionPlan.Submit plan = submitted(plan(ApiFixture.finishedUpscale(), "MJ::BOOKMARK::" + HASH));

        assertThat(plan.task().action()).isEqualTo(JobKind.RATE);
        assertThat(plan.task().description()).isEqualTo("/up " + PARENT_ID + " Rate");
        assertThat(plan.request()).isEqualTo(new JobRequest.Button(MESSAGE_ID, 0, "MJ::BOOKMARK::" + HASH, null));
        assertThat(plan.routing().pinnedAccountId()).isEqualTo("main");
    }

    @Test
    void animateMakesAVideoTaskAndVideoUpscaleAVideoUpscaleTask() {
        String animate = "MJ::JOB::animate_high::1::" + HASH + "::SOLO";
        String videoU = "MJ::JOB::video_virtual_upscale::3::" + HASH;
        Task parent = ApiFixture.finishedUpscale().withButtons(List.of(
                new TaskButton(animate, "", "Animate (High motion)", 2, 2), new TaskButton(videoU, "", "U3", 2, 2)));

        ActionPlan.Submit video = submitted(plan(parent, animate));
        ActionPlan.Submit upscale = submitted(plan(parent, videoU));

        assertThat(video.task().action()).isEqualTo(JobKind.VIDEO);
        assertThat(video.task().description()).isEqualTo("/up " + PARENT_ID + " Animate (High motion)");
        assertThat(video.request()).isEqualTo(new JobRequest.Button(MESSAGE_ID, 0, animate, null));
        assertThat(upscale.task().action()).isEqualTo(JobKind.VIDEO_UPSCALE);
        assertThat(upscale.task().description()).isEqualTo("/up " + PARENT_ID + " U3");
    }

    @Test
    void aCustomIdThatIsNotAButtonOfTheParentIsRefused() {
        assertThat(refused(plan(ApiFixture.finishedGrid(), "MJ::JOB::upsample::2::" + HASH + "x")).reason())
                .contains("not a button of task " + PARENT_ID);
    }

    @Test
    void anUnfinishedParentIsRefused() {
        Task running = ApiFixture.finishedGrid().withStatus(TaskStatus.IN_PROGRESS);

        assertThat(refused(plan(running, "MJ::JOB::upsample::2::" + HASH)).reason()).contains("IN_PROGRESS");
    }

    @Test
    void aParentWithoutAMessageIsRefused() {
        Task parent = ApiFixture.finishedGrid()
                .withProperties(TaskProperties.EMPTY.withDiscordInstanceId("main"));

        assertThat(refused(plan(parent, "MJ::JOB::upsample::2::" + HASH)).reason()).contains("no Discord message");
    }

    @Test
    void describePickImaginesTheChosenSuggestion() {
        ActionPlan.Submit plan = submitted(planner.plan(ApiFixture.finishedDescribe(), "MJ::Job::PicReader::3",
                new ActionOptions(true, SpeedMode.RELAX, null, null)));

        assertThat(plan.task().action()).isEqualTo(JobKind.IMAGINE);
        assertThat(plan.task().prompt()).isEqualTo("a sleepy kitten, watercolor --ar 3:2");
        assertThat(plan.task().promptEn()).isEqualTo("a sleepy kitten, watercolor --ar 3:2");
        assertThat(plan.task().description()).isEqualTo("/imagine a sleepy kitten, watercolor --ar 3:2");
        assertThat(plan.task().customId()).isEqualTo("MJ::Job::PicReader::3");
        assertThat(plan.request()).isEqualTo(new JobRequest.Imagine("a sleepy kitten, watercolor --ar 3:2", List.of()));
        assertThat(plan.routing().sameChannelAs()).isEqualTo(CHANNEL_ID);
        assertThat(plan.routing().mode()).isEqualTo(SpeedMode.RELAX);
    }

    @Test
    void imagineAllIsRefused() {
        assertThat(refused(plan(ApiFixture.finishedDescribe(), "MJ::Job::PicReader::all")).reason())
                .contains("one at a time");
    }

    @Test
    void describeRetryPressesTheButton() {
        ActionPlan.Submit plan = submitted(plan(ApiFixture.finishedDescribe(), "MJ::Picread::Retry"));

        assertThat(plan.task().action()).isEqualTo(JobKind.DESCRIBE);
        assertThat(plan.request()).isInstanceOf(JobRequest.Button.class);
    }

    @Test
    void shortenPickSkipsTheTokensAndFindsTheNumberedPrompt() {
        String text = String.join("\n",
                "**IMPORTANT TOKENS**",
                "a, **lighthouse**, at dusk, ~~very~~",
                "",
                "**SHORTENED PROMPTS**",
                "1\uFE0F\u20E3 lighthouse at dusk",
                "2\uFE0F\u20E3 lighthouse, dusk, sea",
                "3\uFE0F\u20E3 a lighthouse",
                "4\uFE0F\u20E3 lighthouse",
                "5\uFE0F\u20E3 dusk lighthouse");
        String customId = "MJ::Job::PromptAnalyzer::" + HASH + "::2";
        Task parent = ApiFixture.finished(JobKind.SHORTEN, text,
                List.of(new TaskButton(customId, "", "2\uFE0F\u20E3", 2, 2)));

        ActionPlan.Submit plan = submitted(plan(parent, customId));

        assertThat(plan.task().action()).isEqualTo(JobKind.IMAGINE);
        assertThat(plan.task().prompt()).isEqualTo("lighthouse, dusk, sea");
    }

    @Test
    void aPickOfPlainLinesTakesTheNthLine() {
        String customId = "MJ::Job::PicReader::2";
        Task parent = ApiFixture.finished(JobKind.DESCRIBE, "first idea\nsecond idea\n",
                List.of(new TaskButton(customId, "", "2", 2, 2)));

        assertThat(submitted(plan(parent, customId)).task().prompt()).isEqualTo("second idea");
    }

    @Test
    void aPickBeyondTheSuggestionsIsRefused() {
        String customId = "MJ::Job::PicReader::4";
        Task parent = ApiFixture.finished(JobKind.DESCRIBE, "1\uFE0F\u20E3 only one",
                List.of(new TaskButton(customId, "", "4", 2, 2)));

        assertThat(refused(plan(parent, customId)).reason()).contains("no suggestion #4");
    }
}
