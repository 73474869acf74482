package dev.mjbridge.notify;

import ch.qos.logback.classic.Level;
import dev.mjbridge.config.InvalidSettingException;
import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.task.Task;
import dev.mjbridge.task.TaskInternal;
import dev.mjbridge.task.TaskStatus;
import dev.mjbridge.testing.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** X-Mj-Delivery and X-Mj-Signature as a real local receiver sees them, and the delivery log. */
@ExtendWith(OutputCaptureExtension.class)
class SignedWebhookTest {

    private static final String SECRET = "whsec-test-0123456789abcdef";
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private static NotifyProperties fast(int attempts, String secret) {
        return new NotifyProperties(attempts, Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofMillis(50),
                List.of(), false, null, null, null, secret);
    }

    private WebhookNotifier notifier(NotifyProperties properties, String globalHook) {
        WebhookNotifier notifier = new WebhookNotifier(properties, globalHook, mapper,
                new NotifyHookPolicy(properties, HostResolver.SYSTEM));
        closing.add(0, notifier);
        return notifier;
    }

    private Receiver receiver(Receiver.Answer answer) throws IOException {
        Receiver receiver = new Receiver(answer);
        closing.add(receiver);
        return receiver;
    }

    private static Task task(String id, String hook) {
        return Task.create(id, JobKind.IMAGINE, 1_732_800_000_000L)
                .withPrompt("cat", "cat")
                .withDescription("/imagine cat")
                .withInternal(TaskInternal.EMPTY.withNotifyHook(hook));
    }

    /** The receiver's side: HMAC-SHA256 of "t.body", computed here with javax.crypto, not with the class under test. */
    private static String expectedHex(String secret, String t, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    /** Checks the request's signature as a receiver would; answers its t. */
    private static long assertSignedBy(String secret, Receiver.Request request) throws Exception {
        String header = request.header("X-Mj-Signature");
        assertThat(header).as("X-Mj-Signature").isNotNull();
        Matcher parts = SIGNATURE.matcher(header);
        assertThat(parts.matches()).as("header " + header + " has the form t=<seconds>,v1=<hex>").isTrue();
        assertThat(parts.group(2)).isEqualTo(expectedHex(secret, parts.group(1), request.body()));
        long t = Long.parseLong(parts.group(1));
        assertThat(Math.abs(Instant.now().getEpochSecond() - t)).as("t is the attempt's time").isLessThan(300);
        return t;
    }

    @Test
    void signatureIsTheHmacOfTimeDotBody() throws Exception {
        String body = "{\"id\":\"1\",\"status\":\"SUCCESS\"}";
        String header = WebhookSignature.header(SECRET, 1_732_800_000L, body.getBytes(StandardCharsets.UTF_8));

        // Computed once with Python's hmac module, and again here with javax.crypto.
        assertThat(header).isEqualTo("t=1732800000,v1=8d41924c7e58fd52b37cf5795bea4676a60bbeeafb6a6e3efc49954a9949a338");
        assertThat(header).isEqualTo("t=1732800000,v1=" + expectedHex(SECRET, "1732800000", body));
        // Another time, another signature: t is part of what is signed.
        assertThat(WebhookSignature.header(SECRET, 1_732_800_001L, body.getBytes(StandardCharsets.UTF_8)))
                .doesNotEndWith(header.substring(header.indexOf(",v1=")));
    }

    @Test
    void aRetryCarriesTheSameDeliveryIdAndAFreshValidSignature() throws Exception {
        Receiver receiver = receiver(n -> n == 1 ? 503 : 200);
        WebhookNotifier notifier = notifier(fast(3, SECRET), null);

        notifier.onTaskChanged(task("10", receiver.url("/hook")).withStatus(TaskStatus.SUBMITTED));

        Receiver.Request first = receiver.nextRequest();
        Receiver.Request retry = receiver.nextRequest();
        assertThat(first.body()).isEqualTo(retry.body());
        assertThat(first.header("X-Mj-Delivery")).isNotBlank().isEqualTo(retry.header("X-Mj-Delivery"));
        assertSignedBy(SECRET, first);
        assertSignedBy(SECRET, retry);
    }

    @Test
    void eachStateIsItsOwnDelivery() throws Exception {
        Receiver receiver = receiver(n -> 200);
        WebhookNotifier notifier = notifier(fast(3, SECRET), null);
        Task submitted = task("11", receiver.url("/hook")).withStatus(TaskStatus.SUBMITTED);

        notifier.onTaskChanged(submitted);
        notifier.onTaskChanged(submitted.withStatus(TaskStatus.IN_PROGRESS).withProgress("10%"));

        assertThat(receiver.nextRequest().header("X-Mj-Delivery"))
                .isNotEqualTo(receiver.nextRequest().header("X-Mj-Delivery"));
    }

    @Test
    void withoutASecretOnlyTheDeliveryIdIsSent() throws Exception {
        Receiver receiver = receiver(n -> 200);
        WebhookNotifier notifier = notifier(fast(3, null), null);

        notifier.onTaskChanged(task("12", receiver.url("/hook")).withStatus(TaskStatus.SUBMITTED));

        Receiver.Request request = receiver.nextRequest();
        assertThat(request.header("X-Mj-Delivery")).isNotBlank();
        assertThat(request.header("X-Mj-Signature")).isNull();
    }

    @Test
    void theLogShowsEachAttemptWithoutTheQueryString() throws Exception {
        Receiver receiver = receiver(n -> n <= 2 ? 500 : 200);
        WebhookNotifier notifier = notifier(fast(2, SECRET), null);
        Task submitted = task("13", receiver.url("/hook/path?token=hook-query-secret")).withStatus(TaskStatus.SUBMITTED);

        notifier.onTaskChanged(submitted);
        notifier.onTaskChanged(submitted.withStatus(TaskStatus.SUCCESS).withProgress("100%"));

        Waits.await("three attempts logged", Receiver.WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> notifier.deliveries("13").size() == 3);
        List<DeliveryAttempt> attempts = notifier.deliveries("13");
        assertThat(attempts).extracting(DeliveryAttempt::outcome)
                .containsExactly(DeliveryOutcome.RETRYING, DeliveryOutcome.GAVE_UP, DeliveryOutcome.SENT);
        assertThat(attempts).extracting(DeliveryAttempt::httpStatus).containsExactly(500, 500, 200);
        assertThat(attempts).extracting(DeliveryAttempt::status)
                .containsExactly(TaskStatus.SUBMITTED, TaskStatus.SUBMITTED, TaskStatus.SUCCESS);
        assertThat(attempts.get(0).deliveryId()).isEqualTo(attempts.get(1).deliveryId())
                .isNotEqualTo(attempts.get(2).deliveryId());
        assertThat(attempts.get(0).error()).isEqualTo("HTTP 500");
        assertThat(attempts.get(2).error()).isNull();
        assertThat(attempts).allSatisfy(a -> {
            assertThat(a.hook()).endsWith("/hook/path").doesNotContain("token").doesNotContain("?");
            assertThat(a.durationMs()).isNotNegative();
        });
        assertThat(notifier.deliveries("unknown")).isEmpty();
    }

    @Test
    void redeliverSendsTheLatestStateAgainUnderANewId() throws Exception {
        Receiver receiver = receiver(n -> 200);
        WebhookNotifier notifier = notifier(fast(3, SECRET), null);
        Task done = task("14", receiver.url("/hook")).withStatus(TaskStatus.SUCCESS).withProgress("100%");

        notifier.onTaskChanged(done);
        Receiver.Request first = receiver.nextRequest();
        Redelivery again = notifier.redeliver(done);

        assertThat(again).isInstanceOf(Redelivery.Queued.class);
        Receiver.Request second = receiver.nextRequest();
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("X-Mj-Delivery")).isEqualTo(((Redelivery.Queued) again).deliveryId())
                .isNotEqualTo(first.header("X-Mj-Delivery"));
        assertSignedBy(SECRET, second);
    }

    @Test
    void redeliverWithoutAnyHookSaysSo() {
        WebhookNotifier notifier = notifier(fast(3, SECRET), null);

        Redelivery none = notifier.redeliver(task("15", null).withStatus(TaskStatus.SUCCESS));

        assertThat(none).isInstanceOf(Redelivery.NoHook.class);
        assertThat(((Redelivery.NoHook) none).reason()).contains("no notifyHook");
    }

    @Test
    void theSecretIsInNoLogLineNorInTheSettingsText(CapturedOutput output) throws Exception {
        ch.qos.logback.classic.Logger notifyLog =
                (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("dev.mjbridge.notify");
        Level before = notifyLog.getLevel();
        notifyLog.setLevel(Level.DEBUG);
        try {
            Receiver receiver = receiver(n -> n == 1 ? 500 : 200);
            WebhookNotifier notifier = notifier(fast(2, SECRET), null);
            notifier.onTaskChanged(task("16", receiver.url("/hook")).withStatus(TaskStatus.SUBMITTED));
            Waits.await("the retry sent", Receiver.WAIT).pollInterval(Duration.ofMillis(20))
                    .until(() -> notifier.deliveries("16").size() == 2);
        } finally {
            notifyLog.setLevel(before);
        }
        assertThat(output.getAll()).as("the capture saw the retry").contains("attempt 2 of 2");
        assertThat(output.getAll()).doesNotContain(SECRET);
        assertThat(fast(2, SECRET).toString()).doesNotContain(SECRET).contains("signingSecret=***");
    }

    @Test
    void aShortSecretStopsStartUpWithoutShowingIt() {
        assertThatThrownBy(() -> fast(2, "short-secret"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("mj.notify.signing-secret")
                .hasMessageNotContaining("short-secret");
        assertThat(fast(2, "   ").signingSecret()).isNull();
    }
}
