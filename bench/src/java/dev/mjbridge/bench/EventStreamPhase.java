package dev.mjbridge.bench;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The event-stream phase (docs/performance.md, "Live progress"): what {@value #SUBSCRIBERS} open
 * Server-Sent Events streams cost while a storm of tasks changes. The subscribers follow
 * {@code GET /mj/task/events} (every task), then {@value #JOBS} imagines are submitted at once on
 * {@value #ACCOUNTS} accounts; the phase ends when every subscriber has seen every task finish or
 * was dropped by the service for falling behind (counted).
 * <ul>
 * <li>Memory: the service's resident set before the streams open, with them open, and after the storm.</li>
 * <li>CPU: the service's CPU seconds over the storm, against the same storm with no subscriber.</li>
 * <li>Delivery spread: for each event (by its id), how much later each subscriber got it than the
 *     first one did; the median, p99 and largest over all deliveries. It measures how evenly and
 *     promptly the service writes one change to a thousand streams, independent of the job's time. A
 *     stream that is behind skips versions a newer one replaced, so this is over the events each got.</li>
 * <li>Final-state spread: the same for the tasks' final states only, which every stream must get.</li>
 * </ul>
 */
final class EventStreamPhase {

    static final int SUBSCRIBERS = 1000;
    private static final int ACCOUNTS = 10;
    private static final int JOBS = 30;
    private static final Duration STORM_TIMEOUT = Duration.ofSeconds(90);

    private final BenchOptions options;
    private final Path runDir;
    private final List<String> report = new ArrayList<>();

    EventStreamPhase(BenchOptions options, Path runDir) {
        this.options = options;
        this.runDir = runDir;
    }

    List<String> run() throws Exception {
        Storm quiet;
        Storm watched;
        try (Stack stack = Stack.start(options.jar(), options.app(), runDir, "events-quiet", ACCOUNTS, 10, 1.0)) {
            stack.awaitReady(ACCOUNTS, Duration.ofMinutes(2));
            quiet = storm(stack, 0);
        }
        try (Stack stack = Stack.start(options.jar(), options.app(), runDir, "events-watched", ACCOUNTS, 10, 1.0)) {
            stack.awaitReady(ACCOUNTS, Duration.ofMinutes(2));
            watched = storm(stack, SUBSCRIBERS);
        }
        report.add("## Live progress: " + SUBSCRIBERS + " event streams during a storm");
        report.add("");
        report.add(JOBS + " imagines submitted at once on " + ACCOUNTS + " accounts (1 s jobs); the streams follow "
                + "`GET /mj/task/events` (every task) and each must see every task finish.");
        report.add("");
        report.add("| figure | no stream | " + SUBSCRIBERS + " streams |");
        report.add("|---|---:|---:|");
        report.add("| RSS before the streams open, MiB | " + f(quiet.rssBefore) + " | " + f(watched.rssBefore) + " |");
        report.add("| RSS with the streams open, MiB | – | " + f(watched.rssOpen) + " |");
        report.add("| RSS after the storm, MiB | " + f(quiet.rssAfter) + " | " + f(watched.rssAfter) + " |");
        report.add("| service CPU over the storm, s | " + f(quiet.cpuSeconds) + " | " + f(watched.cpuSeconds) + " |");
        report.add("| storm's length (submit to last final state seen), s | " + f(quiet.seconds) + " | "
                + f(watched.seconds) + " |");
        report.add("| events delivered | – | " + watched.delivered + " |");
        report.add("| streams dropped (`event: dropped`) | – | " + watched.dropped + " |");
        report.add("| delivery spread p50 / p99 / max, ms | – | " + f(watched.spreadP50) + " / " + f(watched.spreadP99)
                + " / " + f(watched.spreadMax) + " |");
        report.add("| final-state spread p50 / p99 / max, ms | – | " + f(watched.finalP50) + " / " + f(watched.finalP99)
                + " / " + f(watched.finalMax) + " |");
        report.add("");
        return report;
    }

    private static String f(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** What one storm measured. */
    private record Storm(double rssBefore, double rssOpen, double rssAfter, double cpuSeconds, double seconds,
                         long delivered, long dropped, double spreadP50, double spreadP99, double spreadMax,
                         double finalP50, double finalP99, double finalMax) {
    }

    private Storm storm(Stack stack, int subscribers) throws Exception {
        long pid = stack.appPid();
        double rssBefore = Processes.rssMiB(pid);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Map<Long, Long> firstArrival = new ConcurrentHashMap<>();
        Set<Long> finalIds = ConcurrentHashMap.newKeySet();
        List<Subscriber> all = new ArrayList<>();
        CountDownLatch opened = new CountDownLatch(subscribers);
        AtomicInteger refused = new AtomicInteger();
        for (int i = 0; i < subscribers; i++) {
            Subscriber subscriber = new Subscriber(firstArrival, finalIds, opened);
            all.add(subscriber);
            HttpRequest request = HttpRequest.newBuilder(URI.create(stack.app.base() + "/mj/task/events")).GET().build();
            http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(subscriber))
                    .whenComplete((response, error) -> {
                        if (error != null || response.statusCode() != 200) {
                            refused.incrementAndGet();
                        }
                    });
        }
        if (!opened.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("only " + (subscribers - opened.getCount()) + " streams opened");
        }
        double rssOpen = subscribers == 0 ? Double.NaN : Processes.rssMiB(pid);
        long cpuBefore = Processes.cpuTicks(pid);
        long start = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            ids.add(stack.app.imagine("storm " + i));
        }
        long deadline = System.nanoTime() + STORM_TIMEOUT.toNanos();
        while (!allFinal(stack, ids, all)) {
            if (System.nanoTime() > deadline) {
                long behind = all.stream().filter(sub -> !sub.dropped && sub.finals.get() < ids.size()).count();
                throw new IllegalStateException("the storm did not end within " + STORM_TIMEOUT + ": " + behind
                        + " streams saw fewer than " + ids.size() + " final states, " + refused.get()
                        + " were refused or failed; the tasks: " + stack.app.list(ids).stream()
                        .map(t -> t.path("status").asString()).toList());
            }
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (Processes.cpuTicks(pid) - cpuBefore) / 100.0;
        double rssAfter = Processes.rssMiB(pid);
        all.forEach(Subscriber::cancel);

        List<Long> spreads = new ArrayList<>();
        List<Long> finalSpreads = new ArrayList<>();
        long delivered = 0;
        for (Subscriber subscriber : all) {
            for (Map.Entry<Long, Long> arrival : subscriber.arrivals.entrySet()) {
                long spread = arrival.getValue() - firstArrival.get(arrival.getKey());
                spreads.add(spread);
                if (finalIds.contains(arrival.getKey())) {
                    finalSpreads.add(spread);
                }
                delivered++;
            }
        }
        spreads.sort(Long::compare);
        finalSpreads.sort(Long::compare);
        long dropped = all.stream().filter(sub -> sub.dropped).count();
        return new Storm(rssBefore, rssOpen, rssAfter, cpuSeconds, seconds, delivered, dropped, percentile(spreads, 0.50),
                percentile(spreads, 0.99), largest(spreads), percentile(finalSpreads, 0.50),
                percentile(finalSpreads, 0.99), largest(finalSpreads));
    }

    private static boolean allFinal(Stack stack, List<String> ids, List<Subscriber> subscribers) throws Exception {
        for (JsonNode task : stack.app.list(ids)) {
            String status = task.path("status").asString();
            if (!status.equals("SUCCESS") && !status.equals("FAILURE")) {
                return false;
            }
        }
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.dropped && subscriber.finals.get() < ids.size()) {
                return false;
            }
        }
        return true;
    }

    private static double largest(List<Long> sortedNanos) {
        return sortedNanos.isEmpty() ? Double.NaN : sortedNanos.get(sortedNanos.size() - 1) / 1e6;
    }

    private static double percentile(List<Long> sortedNanos, double p) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.size() - 1, Math.ceil(p * sortedNanos.size()) - 1);
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }

    /** One stream: records when each event id arrived, and how many final states it saw. */
    private static final class Subscriber implements Flow.Subscriber<String> {
        final Map<Long, Long> arrivals = new ConcurrentHashMap<>();
        final AtomicInteger finals = new AtomicInteger();
        /** The service dropped this stream for falling behind ({@code event: dropped}). */
        volatile boolean dropped;
        private final Map<Long, Long> firstArrival;
        private final Set<Long> finalIds;
        private final CountDownLatch opened;
        private volatile Flow.Subscription subscription;
        private long pendingId = -1;

        Subscriber(Map<Long, Long> firstArrival, Set<Long> finalIds, CountDownLatch opened) {
            this.firstArrival = firstArrival;
            this.finalIds = finalIds;
            this.opened = opened;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            opened.countDown();
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            long now = System.nanoTime();
            if (line.equals("event:dropped")) {
                dropped = true;
            } else if (line.startsWith("id:")) {
                pendingId = Long.parseLong(line.substring(3).trim());
                arrivals.put(pendingId, now);
                firstArrival.merge(pendingId, now, Math::min);
            } else if (line.startsWith("data:") && pendingId >= 0
                    && (line.contains("\"status\":\"SUCCESS\"") || line.contains("\"status\":\"FAILURE\""))) {
                finals.incrementAndGet();
                finalIds.add(pendingId);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            opened.countDown();
        }

        @Override
        public void onComplete() {
        }

        void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
