package dev.mjbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import tools.jackson.databind.json.JsonMapper;

import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.task.Task;
import dev.mjbridge.task.TaskInternal;
import dev.mjbridge.task.TaskStatus;
import dev.mjbridge.testing.PostgresSchema;
import dev.mjbridge.testing.Waits;

/**
 * {@link WebhookNotifier} of a cluster instance, through the outbox on a real PostgreSQL: what a single
 * instance guarantees still holds (signed bodies, the SSRF check at delivery time, the delivery log,
 * redelivery, the meters), and no secret reaches the table.
 */
class OutboxDeliveryTest {

    private static final String SECRET = "whsec-outbox-0123456789abcdef";
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static PostgresSchema schema;
    private static JdbcClient sql;

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void database() {
        schema = PostgresSchema.migrated("outbox_delivery");
        sql = JdbcClient.create(schema.dataSource());
    }

    @AfterAll
    static void dropIt() {
        if (schema != null) {
            schema.close();
        }
    }

    @BeforeEach
    void empty() {
        sql.sql("DELETE FROM mj_webhook_attempt").update();
        sql.sql("DELETE FROM mj_webhook_outbox").update();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    @Test
    void aTasksStatesArriveSignedInOrderUnderTheirRowsDeliveryIds() throws Exception {
        Receiver receiver = receiver(n -> 200);
        WebhookNotifier notifier = notifier(properties(3, false, SECRET), "i-a");
        Task submitted = task("o1", receiver.url("/hook?token=client-token")).withStatus(TaskStatus.SUBMITTED);

        notifier.onTaskChanged(submitted);
        notifier.onTaskChanged(submitted.withStatus(TaskStatus.IN_PROGRESS).withProgress("40%"));
        notifier.onTaskChanged(submitted.withStatus(TaskStatus.SUCCESS).withProgress("100%"));

        List<Receiver.Request> requests = List.of(receiver.nextRequest(), receiver.nextRequest(),
                receiver.nextRequest());
        assertThat(requests).extracting(r -> mapper.readTree(r.body()).path("status").asString())
                .containsExactly("SUBMITTED", "IN_PROGRESS", "SUCCESS");
        for (Receiver.Request request : requests) {
            assertSignedBy(request);
        }
        awaitDelivered("o1", 3);
        assertThat(requests).extracting(r -> r.header("X-Mj-Delivery")).containsExactlyElementsOf(
                sql.sql("SELECT delivery_id FROM mj_webhook_outbox WHERE task_id = 'o1' ORDER BY seq")
                        .query(String.class).list());
        assertThat(requests.get(2).body()).isEqualTo(sql.sql("SELECT body FROM mj_webhook_outbox "
                + "WHERE task_id = 'o1' AND seq = 3").query(String.class).single());
        assertThat(sql.sql("SELECT COUNT(*) FROM mj_webhook_outbox WHERE body LIKE :secret")
                .param("secret", "%" + SECRET + "%").query(Integer.class).single()).as("the signing secret stored")
                .isZero();
        Waits.await("the attempts log", WAIT).until(() -> notifier.deliveries("o1"), log -> log.size() == 3);
        assertThat(notifier.deliveries("o1")).extracting(DeliveryAttempt::outcome).containsOnly(DeliveryOutcome.SENT);
        assertThat(notifier.deliveries("o1")).allSatisfy(a -> assertThat(a.hook()).doesNotContain("client-token"));
        assertThat(meters.get("mj.webhook.deliveries").tag("outcome", "sent").counter().count()).isEqualTo(3);
    }

    @Test
    void aClientsHookIsCheckedAtDeliveryTimeAndRefusedAttemptsAreLogged() {
        WebhookNotifier notifier = notifier(properties(2, true, null), "i-a");

        notifier.onTaskChanged(task("o2", "http://127.0.0.1:9/private").withStatus(TaskStatus.SUCCESS));

        List<DeliveryAttempt> log = Waits.await("the refused hook given up", WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> notifier.deliveries("o2"), attempts -> attempts.size() == 2);
        assertThat(log).extracting(DeliveryAttempt::outcome)
                .containsExactly(DeliveryOutcome.RETRYING, DeliveryOutcome.GAVE_UP);
        assertThat(log).allSatisfy(a -> assertThat(a.error()).startsWith("refused: "));
        assertThat(sql.sql("SELECT state FROM mj_webhook_outbox WHERE task_id = 'o2'").query(String.class).single())
                .isEqualTo("GAVE_UP");
    }

    @Test
    void aRedeliveryIsANewRowUnderANewDeliveryId() throws Exception {
        Receiver receiver = receiver(n -> 200);
        WebhookNotifier notifier = notifier(properties(3, false, null), "i-a");
        Task done = task("o3", receiver.url("/hook")).withStatus(TaskStatus.SUCCESS).withProgress("100%");

        notifier.onTaskChanged(done);
        String first = receiver.nextRequest().header("X-Mj-Delivery");
        Redelivery again = notifier.redeliver(done);

        assertThat(again).isInstanceOf(Redelivery.Queued.class);
        Receiver.Request second = receiver.nextRequest();
        assertThat(second.header("X-Mj-Delivery")).isEqualTo(((Redelivery.Queued) again).deliveryId())
                .isNotEqualTo(first);
        awaitDelivered("o3", 2);
    }

    @Test
    void rowsWrittenByOneInstanceAreDeliveredByAnother() throws Exception {
        Receiver receiver = receiver(n -> 200);
        OutboxStore store = new OutboxStore(schema.dataSource(), Duration.ofSeconds(5));
        store.append(List.of(new OutboxEntry("o4", "delivery-o4", HookTarget.global(receiver.url("/hook")),
                TaskStatus.SUCCESS, "100%", "{\"id\":\"o4\"}", null, null, true)));

        notifier(properties(3, false, null), "i-b");

        Receiver.Request request = receiver.nextRequest();
        assertThat(request.header("X-Mj-Delivery")).isEqualTo("delivery-o4");
        assertThat(request.body()).isEqualTo("{\"id\":\"o4\"}");
        awaitDelivered("o4", 1);
        assertThat(sql.sql("SELECT instance_id FROM mj_webhook_attempt WHERE task_id = 'o4'").query(String.class)
                .single()).isEqualTo("i-b");
    }

    @Test
    void aRowClaimedByAnInstanceThatDiedIsDeliveredByAnotherOnceTheClaimExpires() throws Exception {
        Receiver receiver = receiver(n -> 200);
        OutboxStore store = new OutboxStore(schema.dataSource(), Duration.ofSeconds(5));
        store.append(List.of(new OutboxEntry("o5", "delivery-o5", HookTarget.global(receiver.url("/hook")),
                TaskStatus.SUCCESS, "100%", "{\"id\":\"o5\"}", null, null, true)));
        // Claimed by an instance that then died without a word: nothing gives the claim back.
        assertThat(store.claim("i-dead", Duration.ofSeconds(2), 1)).hasSize(1);

        notifier(properties(3, false, null), "i-b");

        assertThat(receiver.nextRequest().header("X-Mj-Delivery")).isEqualTo("delivery-o5");
        awaitDelivered("o5", 1);
        assertThat(sql.sql("SELECT instance_id FROM mj_webhook_attempt WHERE task_id = 'o5'").query(String.class)
                .list()).containsExactly("i-b");
    }

    @Test
    void aStateTheDatabaseRefusesIsDroppedWithoutHoldingUpTheOthers() throws Exception {
        Receiver receiver = receiver(n -> 200);
        WebhookNotifier notifier = notifier(properties(3, false, null), "i-a");

        // A progress text longer than its column: the database will never take this row.
        notifier.onTaskChanged(task("o6", receiver.url("/hook")).withStatus(TaskStatus.IN_PROGRESS)
                .withProgress("1".repeat(40) + "%"));
        notifier.onTaskChanged(task("o7", receiver.url("/hook")).withStatus(TaskStatus.SUCCESS).withProgress("100%"));

        assertThat(mapper.readTree(receiver.nextRequest().body()).path("id").asString()).isEqualTo("o7");
        awaitDelivered("o7", 1);
        Waits.await("the refused state counted as given up", WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> meters.get("mj.webhook.deliveries").tag("outcome", "gave_up").counter().count(),
                        n -> n == 1);
        assertThat(sql.sql("SELECT COUNT(*) FROM mj_webhook_outbox WHERE task_id = 'o6'").query(Integer.class)
                .single()).isZero();
    }

    @Test
    void whileTheDatabaseIsUnreachableStatesWaitAndAreDeliveredOnceItAnswers() throws Exception {
        Receiver receiver = receiver(n -> 200);
        AtomicBoolean down = new AtomicBoolean(true);
        AtomicInteger writerRefused = new AtomicInteger();
        DataSource flaky = new DelegatingDataSource(schema.dataSource()) {
            @Override
            public Connection getConnection() throws SQLException {
                if (down.get()) {
                    if (Thread.currentThread().getName().startsWith("mj-outbox-writer")) {
                        writerRefused.incrementAndGet();
                    }
                    throw new SQLException("connection refused (test)", "08001");
                }
                return super.getConnection();
            }
        };
        WebhookNotifier notifier = new WebhookNotifier(properties(3, false, null), null, mapper,
                new NotifyHookPolicy(properties(3, false, null), HostResolver.SYSTEM), meters,
                new OutboxStore(flaky, Duration.ofSeconds(5)), new OutboxMember("i-a", Duration.ofSeconds(3)));
        closing.add(0, notifier);

        notifier.onTaskChanged(task("o8", receiver.url("/hook")).withStatus(TaskStatus.SUBMITTED));
        Waits.await("the writer to have failed twice (it lives on and tries again)", WAIT)
                .pollInterval(Duration.ofMillis(20)).until(writerRefused::get, n -> n >= 2);
        assertThat(receiver.received()).isEmpty();
        down.set(false);

        assertThat(mapper.readTree(receiver.next()).path("id").asString()).isEqualTo("o8");
        awaitDelivered("o8", 1);
    }

    private void awaitDelivered(String taskId, int rows) {
        Waits.await("rows of " + taskId + " delivered", WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> sql.sql("SELECT COUNT(*) FROM mj_webhook_outbox WHERE task_id = :id AND state = 'DELIVERED'")
                        .param("id", taskId).query(Integer.class).single(), n -> n == rows);
    }

    private static NotifyProperties properties(int attempts, boolean refusePrivate, String secret) {
        return new NotifyProperties(attempts, Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofMillis(50),
                List.of(), refusePrivate, null, null, null, secret);
    }

    private WebhookNotifier notifier(NotifyProperties properties, String instance) {
        WebhookNotifier notifier = new WebhookNotifier(properties, null, mapper,
                new NotifyHookPolicy(properties, HostResolver.SYSTEM), meters,
                new OutboxStore(schema.dataSource(), Duration.ofSeconds(5)),
                new OutboxMember(instance, Duration.ofSeconds(3)));
        closing.add(0, notifier);
        return notifier;
    }

    private Receiver receiver(Receiver.Answer answer) throws java.io.IOException {
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

    private static void assertSignedBy(Receiver.Request request) throws Exception {
        String header = request.header("X-Mj-Signature");
        assertThat(header).as("X-Mj-Signature").isNotNull();
        Matcher parts = SIGNATURE.matcher(header);
        assertThat(parts.matches()).isTrue();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((parts.group(1) + "." + request.body())
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(parts.group(2)).isEqualTo(expected);
    }
}
