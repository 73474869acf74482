package dev.mjbridge.notify;

import dev.mjbridge.task.Task;
import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.task.TaskInternal;
import dev.mjbridge.task.TaskStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Deliveries to a real local HTTP receiver. No timing is asserted; waits are generous. */
class WebhookNotifierTest {

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    /** Quick retries, so failure tests do not wait for real-world delays. */
    private static NotifyProperties fast(int attempts) {
        return fast(attempts, Duration.ofSeconds(5));
    }

    private static NotifyProperties fast(int attempts, Duration timeout) {
        return new NotifyProperties(attempts, timeout, Duration.ofMillis(10), Duration.ofMillis(50),
                List.of(), false, null, null, null, null);
    }

    private WebhookNotifier notifier(NotifyProperties properties, String globalHook, HostResolver resolver) {
        WebhookNotifier notifier = new WebhookNotifier(properties, globalHook, mapper,
                new NotifyHookPolicy(properties, resolver));
        closing.add(0, notifier); // closed before the receivers, so teardown does not look like a failing receiver
        return notifier;
    }

    private WebhookNotifier notifier(NotifyProperties properties, String globalHook) {
        return notifier(properties, globalHook, HostResolver.SYSTEM);
    }

    private Receiver receiver(Receiver.Answer answer) throws IOException {
        Receiver receiver = new Receiver(answer);
        closing.add(receiver); // closing releases answers that block
        return receiver;
    }

    private static Task task(String id, String hook) {
        return Task.create(id, JobKind.IMAGINE, 1_732_800_000_000L)
                .withPrompt("cat", "cat")
                .withDescription("/imagine cat")
                .withInternal(TaskInternal.EMPTY.withNotifyHook(hook));
    }

    private JsonNode json(String body) {
        return mapper.readTree(body);
    }

    private String statusOf(String body) {
        JsonNode node = json(body);
        return node.get("status").asString() + " " + node.get("progress").asString();
    }

    @Test
    void deliversEveryChangeInOrderEvenWhenTheReceiverIsSlowForTheFirst() throws Exception {
        CountDownLatch firstArrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Receiver receiver = receiver(n -> {
            if (n == 1) {
                firstArrived.countDown();
                release.await();
            }
            return 200;
        });
        WebhookNotifier notifier = notifier(fast(5), null);
        Task submitted = task("1", receiver.url("/hook?token=secret")).withStatus(TaskStatus.SUBMITTED);

        notifier.onTaskChanged(submitted);
        assertThat(firstArrived.await(20, TimeUnit.SECONDS)).as("the first webhook arrived within 20 s").isTrue();
        Task tenPercent = submitted.withStatus(TaskStatus.IN_PROGRESS).withProgress("10%");
        notifier.onTaskChanged(tenPercent);
        // Neither status nor progress changes: not worth a webhook.
        notifier.onTaskChanged(tenPercent.withProperties(tenPercent.properties().withMessageId("42")));
        notifier.onTaskChanged(tenPercent.withProgress("50%"));
        Task success = tenPercent.withProgress("100%").withStatus(TaskStatus.SUCCESS).withImageUrl("https://cdn/x.png");
        notifier.onTaskChanged(success);
        release.countDown();

        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(statusOf(receiver.next()));
        }
        assertThat(statuses).containsExactly("SUBMITTED 0%", "IN_PROGRESS 10%", "IN_PROGRESS 50%", "SUCCESS 100%");
        // SUCCESS is delivered last, so anything else would have arrived before it.
        assertThat(receiver.received()).hasSize(4);
    }

    @Test
    void postsExactlyTheTaskJsonWithoutInternalFields() throws Exception {
        Receiver receiver = receiver(n -> 200);
        WebhookNotifier notifier = notifier(fast(5), null);
        Task task = task("2", receiver.url("/hook")).withStatus(TaskStatus.SUBMITTED).withState("client-ref");

        notifier.onTaskChanged(task);

        String body = receiver.next();
        assertThat(json(body)).isEqualTo(mapper.valueToTree(task));
        assertThat(body).doesNotContain("notifyHook").doesNotContain("/hook").contains("client-ref");
    }

    @Test
    void retriesTheSameStateAfterServerErrorsUntilItIsAccepted() throws Exception {
        Receiver receiver = receiver(n -> n <= 2 ? 500 : 200);
        WebhookNotifier notifier = notifier(fast(5), null);
        Task task = task("3", receiver.url("/hook")).withStatus(TaskStatus.IN_PROGRESS).withProgress("30%");

        notifier.onTaskChanged(task);

        String first = receiver.next();
        assertThat(receiver.next()).isEqualTo(first);
        assertThat(receiver.next()).isEqualTo(first);
        assertThat(statusOf(first)).isEqualTo("IN_PROGRESS 30%");
    }

    @Test
    void retriesAReceiverThatNeverAnswers() throws Exception {
        Receiver[] self = new Receiver[1];
        Receiver receiver = receiver(n -> {
            if (n == 1) {
                self[0].hang(); // silent until the test ends: the client must time out
            }
            return 204;
        });
        self[0] = receiver;
        WebhookNotifier notifier = notifier(fast(3, Duration.ofSeconds(1)), null);
        Task task = task("4", receiver.url("/hook")).withStatus(TaskStatus.SUBMITTED);

        notifier.onTaskChanged(task);

        String first = receiver.next();
        assertThat(receiver.next()).isEqualTo(first);
    }

    @Test
    void givesUpAfterTheConfiguredAttemptsAndMovesOn() throws Exception {
        Receiver receiver = receiver(n -> n <= 3 ? 503 : 200);
        WebhookNotifier notifier = notifier(fast(3), null);
        Task task = task("5", receiver.url("/hook")).withStatus(TaskStatus.SUBMITTED);

        notifier.onTaskChanged(task);
        notifier.onTaskChanged(task.withStatus(TaskStatus.FAILURE).withFailReason("[Banned prompt] no"));

        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(statusOf(receiver.next()));
        }
        assertThat(statuses).containsExactly("SUBMITTED 0%", "SUBMITTED 0%", "SUBMITTED 0%", "FAILURE 0%");
    }

    @Test
    void readsOnlyASmallPartOfTheAnswer() throws Exception {
        Receiver receiver = new Receiver(n -> 200, true);
        closing.add(receiver);
        NotifyProperties properties = new NotifyProperties(5, Duration.ofSeconds(5), Duration.ofMillis(10),
                Duration.ofMillis(50), List.of(), false, 1024, null, null, null);
        WebhookNotifier notifier = notifier(properties, null);
        Task task = task("11", receiver.url("/hook")).withStatus(TaskStatus.SUBMITTED);

        notifier.onTaskChanged(task);
        notifier.onTaskChanged(task.withStatus(TaskStatus.SUCCESS).withProgress("100%"));

        // The second state is sent only once the first answer was cut off (and counted as delivered).
        assertThat(statusOf(receiver.next())).isEqualTo("SUBMITTED 0%");
        assertThat(statusOf(receiver.next())).isEqualTo("SUCCESS 100%");
    }

    @Test
    void usesTheGlobalHookWhenTheTaskNamesNone() throws Exception {
        Receiver global = receiver(n -> 200);
        Receiver own = receiver(n -> 200);
        WebhookNotifier notifier = notifier(fast(5), global.url("/global"));

        notifier.onTaskChanged(task("6", null).withStatus(TaskStatus.SUBMITTED));
        notifier.onTaskChanged(task("7", own.url("/own")).withStatus(TaskStatus.SUBMITTED));

        assertThat(json(global.next()).get("id").asString()).isEqualTo("6");
        assertThat(json(own.next()).get("id").asString()).isEqualTo("7");
    }

    @Test
    void withoutAnyHookNothingIsQueued() {
        WebhookNotifier notifier = notifier(fast(5), "  ");

        notifier.onTaskChanged(task("8", null).withStatus(TaskStatus.SUBMITTED));

        assertThat(notifier.queued()).isZero();
    }

    @Test
    void checksTheClientHookAgainBeforeEachDelivery() throws Exception {
        Receiver receiver = receiver(n -> 200);
        // The host first resolves to the metadata address (a rebinding attack), later back to loopback.
        CountDownLatch refusedTwice = new CountDownLatch(2);
        AtomicBoolean rebound = new AtomicBoolean(true);
        HostResolver resolver = host -> {
            if (rebound.get()) {
                refusedTwice.countDown();
                return new InetAddress[] {InetAddress.getByName("169.254.169.254")};
            }
            return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        };
        WebhookNotifier notifier = notifier(fast(2), null, resolver);
        Task task = task("9", receiver.url("/hook").replace("127.0.0.1", "localhost"))
                .withStatus(TaskStatus.IN_PROGRESS).withProgress("20%");

        notifier.onTaskChanged(task);
        assertThat(refusedTwice.await(20, TimeUnit.SECONDS)).as("the rebinding address resolved twice within 20 s").isTrue();
        rebound.set(false);
        notifier.onTaskChanged(task.withStatus(TaskStatus.SUCCESS).withProgress("100%"));

        assertThat(statusOf(receiver.next())).isEqualTo("SUCCESS 100%");
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void theGlobalHookIsTrustedEvenWhenPrivateAddressesAreRefused() throws Exception {
        Receiver receiver = receiver(n -> 200);
        NotifyProperties strict = new NotifyProperties(2, Duration.ofSeconds(5), Duration.ofMillis(10),
                Duration.ofMillis(50), List.of(), true, null, null, null, null);
        WebhookNotifier notifier = notifier(strict, receiver.url("/global"));

        notifier.onTaskChanged(task("10", null).withStatus(TaskStatus.SUBMITTED));

        assertThat(json(receiver.next()).get("id").asString()).isEqualTo("10");
    }
}
