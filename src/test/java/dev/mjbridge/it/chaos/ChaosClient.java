package dev.mjbridge.it.chaos;

import dev.mjbridge.it.MjApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client as relays are: it submits imagines at a steady pace, presses buttons on the
 * results (one upscale, and a variation or a reroll, per grid), retries a code-23 submit
 * a little later, and polls its open tasks in batches until each is final.
 */
final class ChaosClient {

    private static final Logger log = LoggerFactory.getLogger(ChaosClient.class);
    private static final Set<String> FINAL = Set.of("SUCCESS", "FAILURE", "CANCEL");
    private static final long RETRY_FULL_AFTER_MS = 300;

    /** One job the client wants: an imagine, or a button ({@code U2}, {@code V3}, {@code reroll}) on a parent task. */
    record Planned(String what, String prompt, String parentTaskId, String customId) {
        boolean imagine() {
            return parentTaskId == null;
        }
    }

    /** A planned job the proxy accepted under a task id. */
    record Submitted(Planned plan, String taskId, int code) {
    }

    private record Due(Planned plan, long notBeforeMillis) {
    }

    private final MjApi api;
    private final int imagines;
    private final int maxOpen;
    private final PriorityBlockingQueue<Due> due = new PriorityBlockingQueue<>(64,
            (a, b) -> Long.compare(a.notBeforeMillis(), b.notBeforeMillis()));
    private final Map<String, Submitted> byTask = new ConcurrentHashMap<>();
    private final Set<String> open = ConcurrentHashMap.newKeySet();
    private final Map<String, JsonNode> finished = new ConcurrentHashMap<>();
    private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger planned = new AtomicInteger();
    private final AtomicInteger queuedAnswers = new AtomicInteger();
    private final AtomicLong fullAnswers = new AtomicLong();
    private final CountDownLatch allFinal = new CountDownLatch(1);
    private final Object submitLock = new Object();

    ChaosClient(MjApi api, int imagines, int maxOpen) {
        this.api = api;
        this.imagines = imagines;
        this.maxOpen = maxOpen;
        long now = System.currentTimeMillis();
        for (int i = 1; i <= imagines; i++) {
            plan(new Planned("IMAGINE", "chaos picture " + i + " of a lighthouse at dusk --ar 3:2", null, null), now);
        }
    }

    void start(ScheduledExecutorService timer, long submitEveryMs, long pollEveryMs) {
        timer.scheduleWithFixedDelay(guarded(this::submitNext), 0, submitEveryMs, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(guarded(this::pollOpen), pollEveryMs, pollEveryMs, TimeUnit.MILLISECONDS);
    }

    /** True once every planned job was submitted and has reached a final state. */
    boolean awaitAllFinal(long timeout, TimeUnit unit) throws InterruptedException {
        return allFinal.await(timeout, unit);
    }

    /** Every imagine (and every action planned so far) has been accepted by the proxy. */
    boolean allSubmitted() {
        return due.isEmpty() && byTask.size() == planned.get();
    }

    /** The storm may end: every imagine is final and every action it led to has been submitted. */
    boolean allSubmittedOnceImaginesAreDone() {
        return imaginesFinal() == imagines && allSubmitted();
    }

    /** How many imagines have reached a final state. */
    long imaginesFinal() {
        return finished.keySet().stream().map(byTask::get).filter(s -> s != null && s.plan().imagine()).count();
    }

    Map<String, Submitted> submitted() {
        return Map.copyOf(byTask);
    }

    Map<String, JsonNode> finished() {
        return Map.copyOf(finished);
    }

    Set<String> open() {
        return Set.copyOf(open);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    int imagines() {
        return imagines;
    }

    long fullAnswers() {
        return fullAnswers.get();
    }

    int queuedAnswers() {
        return queuedAnswers.get();
    }

    private void plan(Planned plan, long notBefore) {
        planned.incrementAndGet();
        due.add(new Due(plan, notBefore));
    }

    private void submitNext() {
        synchronized (submitLock) {
            if (open.size() >= maxOpen) {
                return;
            }
            Due next = due.peek();
            if (next == null || next.notBeforeMillis() > System.currentTimeMillis() || !due.remove(next)) {
                return;
            }
            Planned plan = next.plan();
            MjApi.Response response = plan.imagine()
                    ? api.post("/mj/submit/imagine", body("prompt", plan.prompt()).toString())
                    : api.post("/mj/submit/action", body("taskId", plan.parentTaskId()).put("customId", plan.customId()).toString());
            int code = response.body() == null ? -1 : response.body().path("code").asInt(-1);
            if (code == 1 || code == 22) {
                String taskId = response.body().path("result").asString();
                byTask.put(taskId, new Submitted(plan, taskId, code));
                open.add(taskId);
                if (code == 22) {
                    queuedAnswers.incrementAndGet();
                }
            } else if (code == 23) {
                // All eligible queues are full: a client tries again a little later.
                fullAnswers.incrementAndGet();
                due.add(new Due(plan, System.currentTimeMillis() + RETRY_FULL_AFTER_MS));
            } else {
                problems.add("submit of " + plan + " answered " + response.status() + " " + response.raw());
                planned.decrementAndGet();
            }
        }
    }

    private void pollOpen() {
        List<String> ids = List.copyOf(open);
        if (!ids.isEmpty()) {
            ArrayNode body = JsonNodeFactory.instance.arrayNode();
            ids.forEach(body::add);
            MjApi.Response response = api.post("/mj/task/list-by-condition", body.toString());
            if (response.status() != 200 || response.body() == null || !response.body().isArray()) {
                problems.add("list-by-condition answered " + response.status() + " " + response.raw());
                return;
            }
            for (JsonNode task : response.body()) {
                if (FINAL.contains(task.path("status").asString())) {
                    onFinal(task);
                }
            }
        }
        if (open.isEmpty() && allSubmitted()) {
            allFinal.countDown();
        }
    }

    private void onFinal(JsonNode task) {
        String id = task.path("id").asString();
        if (!open.remove(id)) {
            return;
        }
        finished.put(id, task);
        Submitted submitted = byTask.get(id);
        if (submitted == null || !submitted.plan().imagine() || !"SUCCESS".equals(task.path("status").asString())) {
            return;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long now = System.currentTimeMillis();
        String upscale = "U" + random.nextInt(1, 5);
        plan(new Planned(upscale, null, id, MjApi.button(task, upscale)), now);
        String other = random.nextInt(3) == 0 ? "reroll" : "V" + random.nextInt(1, 5);
        plan(new Planned(other, null, id, MjApi.button(task, other)), now);
    }

    private static ObjectNode body(String field, String value) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put(field, value);
        return node;
    }

    /** A periodic job that dies on an exception stops silently; log it and carry on instead. */
    private Runnable guarded(Runnable action) {
        return () -> {
            try {
                action.run();
            } catch (RuntimeException | AssertionError e) {
                log.warn("chaos client step failed", e);
                problems.add("client step failed: " + e);
            }
        };
    }
}
