package dev.mjbridge.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import dev.mjbridge.cluster.ClusterProperties;
import dev.mjbridge.account.AccountPool;
import dev.mjbridge.account.AccountSyncer;
import dev.mjbridge.cluster.ClusterDirectory;
import dev.mjbridge.notify.NotifyHookPolicy;
import dev.mjbridge.task.ActionPlanner;
import dev.mjbridge.task.SubmitResult;
import dev.mjbridge.task.Task;
import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.task.TaskButton;
import dev.mjbridge.task.TaskJson;
import dev.mjbridge.task.TaskProperties;
import dev.mjbridge.task.TaskService;
import dev.mjbridge.task.TaskStatus;

/**
 * The API's controllers, advice and filter wired by hand around a mocked core, as the
 * Spring context would wire them. By default every submit is accepted on account "main".
 */
final class ApiFixture {

    static final String HASH = "3dbbd469-36af-4a0f-8f02-df6c579e7011";
    static final String PARENT_ID = "14001934816969359";
    static final String CHANNEL_ID = "1100000000000000002";
    static final String MESSAGE_ID = "1300000000000000001";

    /** The smallest byte strings each format is recognised by. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
    static final byte[] GIF = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0};
    static final byte[] WEBP = {'R', 'I', 'F', 'F', 26, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '};

    final TaskService tasks = mock(TaskService.class);
    final AccountPool pool = mock(AccountPool.class);
    final AccountSyncer syncer = mock(AccountSyncer.class);
    /** Allows every hook unless a test says otherwise; the real one would look hosts up in DNS. */
    final NotifyHookPolicy hooks = mock(NotifyHookPolicy.class);
    final MockMvc mvc;
    private final AtomicLong ids = new AtomicLong(1732800000000001L);

    ApiFixture() {
        this(ApiProperties.open());
    }

    ApiFixture(ApiProperties properties) {
        this(properties, AdminProperties.off());
    }

    ApiFixture(ApiProperties properties, AdminProperties admin) {
        ImageDecoder images = new ImageDecoder(properties);
        PromptPolicy prompts = new PromptPolicy(properties, new BannedWords(properties));
        when(tasks.seedTimeout()).thenReturn(Duration.ofSeconds(60));
        TaskSubmitter submitter = new TaskSubmitter(tasks, hooks);
        ActionPlanner planner = new ActionPlanner(tasks);
        mvc = MockMvcBuilders.standaloneSetup(
                        new SubmitController(new NewTasks(tasks), submitter, prompts, images, properties),
                        new ActionController(tasks, planner, submitter, prompts, images,
                                new ModalForwarding(noCluster(), new PeerCalls())),
                        new UploadController(tasks, images, properties),
                        new TaskController(tasks, null, ClusterProperties.defaults()),
                        accountsAlone(pool),
                        new AccountAdminController(pool, syncer))
                .setMessageConverters(converters(properties))
                .setControllerAdvice(new ApiExceptionHandler(), new UnmappedRequestHandler(), new MissingBodyAdvice())
                .addFilters(new ApiSecretFilter(properties))
                .addInterceptors(new AdminSecretInterceptor(admin))
                .build();
        when(hooks.refusalReason(any())).thenReturn(Optional.empty());
        // Tests stub find(id) with a Task; fetch reads the same task as JSON.
        when(tasks.findJson(any())).thenAnswer(call -> tasks.find(call.getArgument(0)).map(ApiFixture::json));
        when(tasks.newTask(any())).thenAnswer(call ->
                Task.create(Long.toString(ids.getAndIncrement()), call.getArgument(0), 1732800000000L));
        when(tasks.submit(any(), any(), any())).thenAnswer(call ->
                new SubmitResult.Submitted(call.getArgument(0), "main"));
        when(tasks.submitAction(any(), any(), any())).thenAnswer(call ->
                new SubmitResult.Submitted(call.getArgument(0), "main"));
    }

    /** Spring's defaults with the request records' converter ahead of them, as ApiConfiguration registers it. */
    private static HttpMessageConverter<?>[] converters(ApiProperties properties) {
        HttpMessageConverters converters = HttpMessageConverters.forServer().registerDefaults()
                .addCustomConverter(new JsonRequestConverter(JsonRequestConverter.maxBytes(properties.limits())))
                .build();
        List<HttpMessageConverter<?>> list = new ArrayList<>();
        converters.forEach(list::add);
        return list.toArray(HttpMessageConverter[]::new);
    }

    /** The task as the core hands it to the REST layer: serialized once. */
    static TaskJson json(Task task) {
        return new TaskJson(task.id(), 1, task.status(), null, JSON.writeValueAsBytes(task));
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String dataUrl(byte[] bytes) {
        return "data:image/png;base64," + base64(bytes);
    }

    /** A finished imagine grid: U1-U4, reroll, V1-V4. */
    static Task finishedGrid() {
        List<TaskButton> buttons = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            buttons.add(new TaskButton("MJ::JOB::upsample::" + i + "::" + HASH, "", "U" + i, 2, 2));
        }
        buttons.add(new TaskButton("MJ::JOB::reroll::0::" + HASH + "::SOLO", "\uD83D\uDD04", "", 2, 2));
        for (int i = 1; i <= 4; i++) {
            buttons.add(new TaskButton("MJ::JOB::variation::" + i + "::" + HASH, "", "V" + i, 2, 2));
        }
        return finished(JobKind.IMAGINE, "cat --ar 3:2", buttons);
    }

    /** A finished upscale: the buttons of a single image. */
    static Task finishedUpscale() {
        return finished(JobKind.UPSCALE, "cat --ar 3:2", List.of(
                new TaskButton("MJ::JOB::upsample_v7_2x_subtle::1::" + HASH + "::SOLO", "", "Upscale (Subtle)", 2, 2),
                new TaskButton("MJ::JOB::low_variation::1::" + HASH + "::SOLO", "", "Vary (Subtle)", 2, 2),
                new TaskButton("MJ::JOB::high_variation::1::" + HASH + "::SOLO", "", "Vary (Strong)", 2, 2),
                new TaskButton("MJ::Inpaint::1::" + HASH + "::SOLO", "", "Vary (Region)", 2, 2),
                new TaskButton("MJ::Outpaint::50::1::" + HASH + "::SOLO", "", "Zoom Out 2x", 2, 2),
                new TaskButton("MJ::CustomZoom::" + HASH, "", "Custom Zoom", 2, 2),
                new TaskButton("MJ::JOB::pan_left::1::" + HASH + "::SOLO", "\u2B05\uFE0F", "", 2, 2),
                new TaskButton("MJ::BOOKMARK::" + HASH, "\u2764\uFE0F", "", 2, 2)));
    }

    /** A finished describe: four numbered suggestions. */
    static Task finishedDescribe() {
        String suggestions = String.join("\n",
                "1\uFE0F\u20E3 a tabby cat on a windowsill --ar 3:2",
                "2\uFE0F\u20E3 an orange cat in the sun --ar 3:2",
                "3\uFE0F\u20E3 a sleepy kitten, watercolor --ar 3:2",
                "4\uFE0F\u20E3 cat portrait, studio light --ar 3:2");
        List<TaskButton> buttons = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            buttons.add(new TaskButton("MJ::Job::PicReader::" + i, "", String.valueOf(i), 2, 1));
        }
        buttons.add(new TaskButton("MJ::Picread::Retry", "\uD83D\uDD04", "", 2, 2));
        buttons.add(new TaskButton("MJ::Job::PicReader::all", "\uD83C\uDF89", "Imagine all", 2, 2));
        return finished(JobKind.DESCRIBE, suggestions, buttons).withPrompt(suggestions, suggestions);
    }

    static Task finished(JobKind action, String prompt, List<TaskButton> buttons) {
        return Task.create(PARENT_ID, action, 1732800000000L)
                .withPrompt(prompt, prompt)
                .withDescription("/imagine " + prompt)
                .withStatus(TaskStatus.SUCCESS)
                .withProgress("100%")
                .withImageUrl("https://cdn.example/cat.png")
                .withButtons(buttons)
                .withProperties(TaskProperties.EMPTY
                        .withFinalPrompt(prompt + " --v 7")
                        .withMessageId(MESSAGE_ID)
                        .withMessageHash(HASH)
                        .withDiscordInstanceId("main")
                        .withDiscordChannelId(CHANNEL_ID)
                        .withFlags(0));
    }

    /** The account endpoints of an instance without a cluster. */
    static AccountController accountsAlone(AccountPool pool) {
        PeerCalls peers = new PeerCalls();
        return new AccountController(pool, noCluster(), new ClusterAccountList(pool, peers));
    }

    /** What the controllers get with {@code mj.cluster.enabled} off: no cluster bean. */
    static ObjectProvider<ClusterDirectory> noCluster() {
        return new StaticListableBeanFactory().getBeanProvider(ClusterDirectory.class);
    }
}
