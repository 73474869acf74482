package dev.mjbridge.it.ops;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A task's notifyHook, end to end: a real receiver gets the task's changes as the task JSON. */
class NotifyHookFlowTest extends SandboxFlowTest {

    private static final List<String> LIFE = List.of("NOT_START", "SUBMITTED", "IN_PROGRESS", "SUCCESS");

    @Test
    void theReceiverGetsEveryChangeInOrder() throws Exception {
        try (HookReceiver receiver = new HookReceiver(n -> 200)) {
            String id = api.submit("/mj/submit/imagine", """
                    {"prompt": "a hooked lighthouse", "state": "hook-ref", "notifyHook": "%s"}""".formatted(receiver.url()));
            JsonNode fetched = api.awaitFinal(id);

            List<HookReceiver.Delivery> got = receiver.awaitAccepted(id, "SUCCESS");

            assertThat(statusRuns(got)).isEqualTo(LIFE);
            assertProgressNeverDecreases(got);
            HookReceiver.Delivery last = got.get(got.size() - 1);
            assertThat(last.status()).isEqualTo("SUCCESS");
            assertThat(last.progress()).isEqualTo(100);
            assertThat(last.task().path("imageUrl").asString()).isEqualTo(fetched.path("imageUrl").asString());
            assertThat(last.task().path("buttons")).isEqualTo(fetched.path("buttons"));
            assertThat(last.task().path("state").asString()).isEqualTo("hook-ref");
        }
    }

    @Test
    void aReceiverThatFailsTwiceStillGetsTheFinalState() throws Exception {
        try (HookReceiver receiver = new HookReceiver(n -> n <= 2 ? 500 : 200)) {
            String id = api.submit("/mj/submit/imagine", """
                    {"prompt": "a hook that fails at first", "notifyHook": "%s"}""".formatted(receiver.url()));
            assertThat(api.awaitFinal(id).path("status").asString()).isEqualTo("SUCCESS");

            List<HookReceiver.Delivery> got = receiver.awaitAccepted(id, "SUCCESS");

            assertThat(got.subList(0, 2)).extracting(HookReceiver.Delivery::answered).containsExactly(500, 500);
            List<HookReceiver.Delivery> accepted = got.stream().filter(d -> d.answered() == 200).toList();
            assertThat(accepted.get(accepted.size() - 1).status()).isEqualTo("SUCCESS");
            assertThat(LIFE).containsSubsequence(statusRuns(accepted));
            assertProgressNeverDecreases(got);
        }
    }

    /** The statuses in delivery order with repeats folded: [NOT_START, SUBMITTED, ...]. */
    private static List<String> statusRuns(List<HookReceiver.Delivery> deliveries) {
        List<String> runs = new ArrayList<>();
        for (HookReceiver.Delivery delivery : deliveries) {
            if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(delivery.status())) {
                runs.add(delivery.status());
            }
        }
        return runs;
    }

    private static void assertProgressNeverDecreases(List<HookReceiver.Delivery> deliveries) {
        int previous = 0;
        for (HookReceiver.Delivery delivery : deliveries) {
            assertThat(delivery.progress()).as("progress in %s", deliveries).isGreaterThanOrEqualTo(previous);
            previous = delivery.progress();
        }
    }
}
