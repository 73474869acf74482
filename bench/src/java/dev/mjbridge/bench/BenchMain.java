package dev.mjbridge.bench;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * The load and scenario harness behind {@code bench/run} (docs/performance.md describes each
 * figure). Every phase starts its own standalone sandbox and mj-bridge on free loopback ports,
 * is bounded in time and request count, stops what it started, and adds a markdown table to
 * the report, which is printed and written to {@code bench/results/<timestamp>.md}.
 */
public final class BenchMain {

    private final BenchOptions options;
    private final Path runDir;
    private final StringBuilder report = new StringBuilder();
    private final boolean wrk;

    private BenchMain(BenchOptions options, Path runDir) {
        this.options = options;
        this.runDir = runDir;
        this.wrk = !options.javaDriverOnly() && WrkLoad.available();
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path runDir = Files.createDirectories(options.workDir().resolve(stamp));
        BenchMain bench = new BenchMain(options, runDir);
        bench.run();
        Files.createDirectories(options.out());
        Path result = options.out().resolve(stamp + ".md");
        Files.writeString(result, bench.report);
        System.out.println(bench.report);
        System.out.println("written to " + result + " (processes' logs in " + runDir + ")");
    }

    private void run() throws Exception {
        line("# mj-bridge bench run " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        line("");
        line("machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + String.format(Locale.ROOT, "%.1f", totalMemoryGiB()) + " GiB; " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.version") + "; load average at start " + loadAverage()
                + "; HTTP driver: " + (wrk ? "wrk (submit: java)" : "java") + "; jar: " + shown(options.jar()));
        line("");
        line("command: `bench/run " + String.join(" ", options.args()) + "`");
        line("");
        if (options.jmhResults() != null) {
            jmh(options.jmhResults());
        }
        for (String phase : options.phases()) {
            System.out.println("== phase " + phase);
            try {
                switch (phase) {
                    case "http" -> http();
                    case "startup" -> startup();
                    case "completion" -> completion();
                    case "burst" -> burst();
                    case "images" -> new ImagesPhase(options, runDir, wrk).run().forEach(this::line);
                    case "pool-edit" -> new PoolEditPhase(options, runDir).run().forEach(this::line);
                    case "events" -> new EventStreamPhase(options, runDir).run().forEach(this::line);
                    case "cluster" -> new ClusterPhase(options, runDir).run().forEach(this::line);
                    default -> throw new IllegalArgumentException("unknown phase " + phase);
                }
            } catch (Exception e) {
                line("**phase " + phase + " failed:** " + e);
                line("");
                e.printStackTrace();
            }
        }
    }

    // ---- JMH ---------------------------------------------------------------------------

    /** JMH's CSV (-rf csv): Benchmark, Mode, Threads, Samples, Score, Score Error (99.9%), Unit, then params. */
    private void jmh(Path csv) throws IOException {
        List<String> rows = Files.readAllLines(csv);
        if (rows.isEmpty()) {
            return;
        }
        List<String> header = splitCsv(rows.get(0));
        line("## Micro-benchmarks (JMH)");
        line("");
        line("| benchmark | params | score | ± (99.9%) | unit |");
        line("|---|---|---:|---:|---|");
        for (String row : rows.subList(1, rows.size())) {
            List<String> f = splitCsv(row);
            List<String> params = new ArrayList<>();
            for (int i = 7; i < f.size() && i < header.size(); i++) {
                if (!f.get(i).isEmpty()) {
                    params.add(header.get(i).replace("Param: ", "") + "=" + f.get(i));
                }
            }
            String name = f.get(0).replace("dev.mjbridge.", "");
            line("| " + name + " | " + String.join(", ", params) + " | " + num(Double.parseDouble(f.get(4)), 2)
                    + " | " + (f.get(5).equals("NaN") ? "–" : num(Double.parseDouble(f.get(5)), 2)) + " | " + f.get(6) + " |");
        }
        line("");
    }

    private static List<String> splitCsv(String row) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char c : row.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    // ---- HTTP load ---------------------------------------------------------------------

    private void http() throws Exception {
        Map<String, LoadResult> ours;
        double rssAfter;
        double heapAfter;
        long threadsAfter;
        // 10 accounts with deep queues: the submit load needs room for thousands of admitted tasks.
        try (Stack stack = Stack.start(options.jar(), options.app(), runDir, "http", 10, 1000, 0.2, List.of(),
                options.appArgs())) {
            stack.awaitReady(10, Duration.ofSeconds(120));
            ours = loads(stack.app, stack.sandbox, stack.dir);
            rssAfter = Processes.rssMiB(stack.appPid());
            threadsAfter = Processes.threads(stack.appPid());
            heapAfter = Processes.liveHeapMiB(stack.appPid());
        }
        line("## HTTP load (" + options.connections() + " connections, keep-alive, warm-up " + seconds(options.warmUp())
                + ", measured " + seconds(options.duration()) + "; submit: java driver, bot paused, at most "
                + SUBMIT_BUDGET + " submits)");
        line("");
        Map<String, LoadResult> peer = null;
        if (options.compare() != null) {
            System.out.println("   against the peer " + options.compare());
            Api target = new Api(options.compare());
            Api control = new Api(options.compareSandbox());
            try {
                peer = loads(target, control, Files.createDirectories(runDir.resolve("compare")));
            } catch (Exception e) {
                line("**the peer's load failed:** " + e + " (mj-bridge's own figures follow)");
                line("");
                e.printStackTrace();
            } finally {
                control.post("/sandbox/bot/resume", "{}");
            }
        }
        if (peer == null) {
            line("| load | driver | req/s | p50 ms | p99 ms | requests | failed |");
            line("|---|---|---:|---:|---:|---:|---:|");
            ours.forEach((name, r) -> line("| " + name + " | " + r.driver() + " | " + num(r.requestsPerSecond(), 0)
                    + " | " + num(r.p50Millis(), 2) + " | " + num(r.p99Millis(), 2) + " | " + r.requests()
                    + " | " + r.failures() + " |"));
        } else {
            line("peer: " + options.compare() + " (its sandbox control: " + options.compareSandbox() + ")");
            line("");
            line("| load | mj-bridge req/s | peer req/s | ratio req/s | mj-bridge p99 ms | peer p99 ms | ratio p99 | failed (ours/peer) |");
            line("|---|---:|---:|---:|---:|---:|---:|---:|");
            for (var e : ours.entrySet()) {
                LoadResult a = e.getValue();
                LoadResult b = peer.get(e.getKey());
                line("| " + e.getKey() + " | " + num(a.requestsPerSecond(), 0) + " | " + num(b.requestsPerSecond(), 0)
                        + " | " + num(a.requestsPerSecond() / b.requestsPerSecond(), 2) + "× | " + num(a.p99Millis(), 2)
                        + " | " + num(b.p99Millis(), 2) + " | " + num(a.p99Millis() / b.p99Millis(), 2) + "× | "
                        + a.failures() + "/" + b.failures() + " |");
            }
        }
        line("");
        line("mj-bridge after the load: RSS " + num(rssAfter, 0) + " MiB, live heap after GC " + num(heapAfter, 0)
                + " MiB, " + threadsAfter + " threads");
        line("");
    }

    private static final long SUBMIT_BUDGET = 9000;

    /** The four loads against one target; the sandbox control API pauses its bot for the last two. */
    private Map<String, LoadResult> loads(Api target, Api control, Path dir) throws Exception {
        control.post("/sandbox/bot/resume", "{}");
        List<String> finished = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            finished.add(target.imagineWhenRoom("bench finished task " + i + " --ar 3:2", Duration.ofMinutes(3)));
        }
        target.awaitAll(finished, Api::isSuccess, Duration.ofSeconds(180));
        control.post("/sandbox/bot/pause", "{}");
        String running = target.imagine("bench running task");
        URI base = URI.create(target.base());
        List<LoadSpec> reads = List.of(
                new LoadSpec("fetch finished task", "GET", "/mj/task/" + finished.get(0) + "/fetch", null,
                        "\"SUCCESS\"", options.connections(), options.warmUp(), options.duration(), 0),
                new LoadSpec("fetch running task", "GET", "/mj/task/" + running + "/fetch", null, running,
                        options.connections(), options.warmUp(), options.duration(), 0),
                new LoadSpec("list-by-condition 100 ids", "POST", "/mj/task/list-by-condition",
                        Api.JSON.writeValueAsString(Map.of("ids", finished)), finished.get(99),
                        options.connections(), options.warmUp(), options.duration(), 0));
        // One unrecorded round of every read load first: the loads share most of their code, so
        // without it the first load measured would pay for the JIT's warm-up of all three.
        for (LoadSpec read : reads) {
            load(base, dir, new LoadSpec(read.name() + " (warm-up round)", read.method(), read.path(), read.body(),
                    read.expect(), read.connections(), Duration.ofSeconds(1), options.warmUp(), 0));
        }
        Map<String, LoadResult> results = new LinkedHashMap<>();
        results.put("fetch finished task", load(base, dir, reads.get(0)));
        results.put("fetch running task", load(base, dir, reads.get(1)));
        results.put("list-by-condition, 100 ids", load(base, dir, reads.get(2)));
        // Bounded by count: every accepted submit is a task that stays queued while the bot is paused.
        results.put("submit imagine (admission only)", SocketLoad.run(base, new LoadSpec("submit imagine", "POST",
                "/mj/submit/imagine", "{\"prompt\":\"bench admission --ar 3:2\"}", "discordInstanceId",
                options.connections(), Duration.ofSeconds(1), options.duration(), SUBMIT_BUDGET)));
        return results;
    }

    private LoadResult load(URI base, Path dir, LoadSpec spec) throws Exception {
        System.out.println("   load: " + spec.name());
        return wrk ? WrkLoad.run(base, spec, dir) : SocketLoad.run(base, spec);
    }

    // ---- start-up, size and idle cost with 1, 100, 1,000 accounts ------------------------

    private void startup() throws Exception {
        line("## Start-up, size and idle cost (standalone sandbox, shipped launcher " + shown(Stack.launcher(options.app()))
                + ", JVM flags " + String.join(" ", Stack.shippedJvmFlags(options.app())) + ")");
        line("");
        line("| accounts | start → first READY s | start → all READY s | RSS idle MiB | live heap idle MiB | threads"
                + " | idle CPU % of one core (" + seconds(options.idleWindow()) + ") | RSS after load MiB"
                + " | live heap after load MiB | threads after load |");
        line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        List<String> heartbeatRows = new ArrayList<>();
        for (int n : options.accountCounts()) {
            System.out.println("   accounts: " + n);
            try (Stack stack = Stack.start(options.jar(), options.app(), runDir, "startup-" + n, n, 10, 0.2)) {
                double first = stack.awaitReady(1, Duration.ofSeconds(120));
                String all;
                try {
                    all = num(stack.awaitReady(n, Duration.ofSeconds(300)), 2);
                } catch (IOException e) {
                    all = "not reached (" + stack.readyAccounts() + " READY after 300 s)";
                }
                Thread.sleep(options.idle().toMillis());
                long pid = stack.appPid();
                // The sandbox judges every heartbeat of the window against the interval it announced.
                stack.sandbox.delete("/sandbox/gateway/heartbeats");
                long ticks0 = Processes.cpuTicks(pid);
                long t0 = System.nanoTime();
                Thread.sleep(options.idleWindow().toMillis());
                double cpu = (Processes.cpuTicks(pid) - ticks0) / 100.0 / ((System.nanoTime() - t0) / 1e9) * 100;
                heartbeatRows.add(heartbeatRow(n, stack.sandbox.get("/sandbox/gateway/heartbeats?connections=false")));
                double rss = Processes.rssMiB(pid);
                long threads = Processes.threads(pid);
                double heap = Processes.liveHeapMiB(pid);
                // "After load": one job, then the fetch load of the http phase for the measured duration.
                String id = stack.app.imagineWhenRoom("bench size after load", Duration.ofSeconds(60));
                stack.app.awaitAll(List.of(id), Api::isSuccess, Duration.ofSeconds(60));
                load(URI.create(stack.app.base()), stack.dir, new LoadSpec("fetch after idle", "GET",
                        "/mj/task/" + id + "/fetch", null, "\"SUCCESS\"", options.connections(), Duration.ZERO,
                        options.duration(), 0));
                double rssAfter = Processes.rssMiB(pid);
                long threadsAfter = Processes.threads(pid);
                double heapAfter = Processes.liveHeapMiB(pid);
                line("| " + n + " | " + num(first, 2) + " | " + all + " | " + num(rss, 0) + " | " + num(heap, 0)
                        + " | " + threads + " | " + num(cpu, 1) + " | " + num(rssAfter, 0) + " | " + num(heapAfter, 0)
                        + " | " + threadsAfter + " |");
            }
        }
        line("");
        line("Idle: the app settles " + seconds(options.idle()) + " after all accounts are READY, then CPU is counted"
                + " over " + seconds(options.idleWindow()) + " (the sandbox announces Discord's 41.25 s heartbeat"
                + " interval, so a window of 45 s holds every account's heartbeat once). Live heap = heap in use after a"
                + " full GC. After load = after one job and " + seconds(options.duration()) + " of fetch load at "
                + options.connections() + " connections.");
        line("");
        line("Heartbeats during the idle window, as the sandbox received them (`GET /sandbox/gateway/heartbeats`):");
        line("");
        line("| accounts | connections | beats | lateness p50 ms | p99 ms | max ms | first beats (late) | late beats"
                + " | missed beats | connections late / missed | tolerance ms |");
        line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        heartbeatRows.forEach(this::line);
        line("");
        line("Lateness = arrival − (previous arrival + interval) for every beat after a connection's first; a first"
                + " beat (jittered by the client within one interval of HELLO) only counts as late past HELLO + interval"
                + " + tolerance. Missed = a whole interval past the tolerance without a beat (docs/sandbox.md, Heartbeats).");
        line("");
    }

    private static String heartbeatRow(int accounts, JsonNode h) {
        JsonNode lateness = h.path("lateness");
        JsonNode first = h.path("firstBeats");
        return "| " + accounts + " | " + h.path("connections").asLong() + " | " + h.path("beats").asLong() + " | "
                + msOrDash(lateness.path("p50Ms")) + " | " + msOrDash(lateness.path("p99Ms")) + " | "
                + msOrDash(lateness.path("maxMs")) + " | " + first.path("count").asLong() + " ("
                + first.path("lateBeyondTolerance").asLong() + ") | " + h.path("lateBeats").asLong() + " | "
                + h.path("missedBeats").asLong() + " | " + h.path("connectionsLate").asLong() + " / "
                + h.path("connectionsMissed").asLong() + " | " + num(h.path("toleranceMs").asDouble(), 0) + " |";
    }

    private static String msOrDash(JsonNode value) {
        return value.isNumber() ? num(value.asDouble(), 2) : "–";
    }

    // ---- completion overhead -------------------------------------------------------------

    /** Unrecorded jobs before the completion phase measures (no more than it measures). */
    private static final int COMPLETION_WARM_UP_MAX = 50;

    private void completion() throws Exception {
        List<Double> upper = new ArrayList<>();
        List<Double> lower = new ArrayList<>();
        List<Double> finishStamps = new ArrayList<>();
        // The engine's own overhead, comparable across versions: nothing held for a stored picture. What
        // keeping the picture adds is the images phase's figure.
        try (Stack stack = Stack.start(options.jar(), options.app(), runDir, "completion", 1, 10, 0.3, List.of(),
                List.of("--mj.images.store=none"))) {
            stack.awaitReady(1, Duration.ofSeconds(120));
            CompletionTimer timer = new CompletionTimer(stack, options.pollEvery(), Api::isSuccess, "SUCCESS");
            for (CompletionTimer.Sample sample : timer.run("bench completion",
                    Math.min(options.samples(), COMPLETION_WARM_UP_MAX), options.samples())) {
                upper.add(sample.upperMs());
                lower.add(sample.lowerMs());
                finishStamps.add(sample.finishTimeMs());
            }
        }
        String polling = options.pollEvery().isZero() ? "fetches back to back"
                : "a fetch every " + num(options.pollEvery().toNanos() / 1e6, 2) + " ms";
        line("## Completion overhead (bot's final message → SUCCESS visible to fetch), " + upper.size()
                + " jobs one after another after " + Math.min(options.samples(), COMPLETION_WARM_UP_MAX)
                + " unrecorded warm-up jobs, 1 account, " + polling);
        line("");
        line("| measure | p50 ms | p99 ms | max ms |");
        line("|---|---:|---:|---:|");
        line("| upper bound: bot's send timestamp → the fetch answer showing SUCCESS arrives | " + percentiles(upper) + " |");
        line("| lower bound: bot's send timestamp → the last fetch that still saw the task running was sent | "
                + percentiles(lower) + " |");
        line("| bot's send timestamp → the task's finishTime (ms resolution) | " + percentiles(finishStamps) + " |");
        line("");
        line("The bot's send timestamp is the `timestamp` the sandbox stamps on the final message just before it"
                + " writes it to the gateway (microseconds; read back through the sandbox's REST API). Fetches are"
                + " polled back to back on one connection; SUCCESS became visible between the two bounds. All clocks"
                + " are this machine's.");
        line("");
    }

    // ---- burst makespan ------------------------------------------------------------------

    private void burst() throws Exception {
        int accounts = options.burstAccounts();
        int jobs = options.burstJobs();
        double jobSeconds = options.burstJobSeconds();
        List<JsonNode> tasks;
        BurstBreakdown breakdown;
        try (Stack stack = Stack.start(options.jar(), options.app(), runDir, "burst", accounts, 10, jobSeconds)) {
            stack.awaitReady(accounts, Duration.ofSeconds(120));
            ExecutorService pool = Executors.newFixedThreadPool(32);
            try {
                List<Future<String>> submits = new ArrayList<>();
                for (int i = 0; i < jobs; i++) {
                    int n = i;
                    submits.add(pool.submit(() -> stack.app.imagine("bench burst " + n)));
                }
                List<String> ids = new ArrayList<>();
                for (Future<String> f : submits) {
                    ids.add(f.get());
                }
                tasks = stack.app.awaitAll(ids, Api::isFinal, Duration.ofMinutes(5));
                breakdown = BurstBreakdown.of(tasks, stack.sandbox);
            } finally {
                pool.shutdownNow();
            }
        }
        long first = tasks.stream().mapToLong(t -> t.path("submitTime").asLong()).min().orElseThrow();
        long last = tasks.stream().mapToLong(t -> t.path("finishTime").asLong()).max().orElseThrow();
        long failed = tasks.stream().filter(t -> !Api.isSuccess(t)).count();
        int waves = (int) Math.ceil(jobs / (accounts * 3.0));
        double ideal = waves * jobSeconds;
        double makespan = (last - first) / 1000.0;
        double meanRun = tasks.stream().filter(t -> t.hasNonNull("startTime"))
                .mapToLong(t -> t.path("finishTime").asLong() - t.path("startTime").asLong()).average().orElse(Double.NaN)
                / 1000.0;
        line("## Burst makespan (" + accounts + " accounts × 3 slots, " + jobs + " imagines at once, "
                + jobSeconds + " s jobs)");
        line("");
        line("| makespan s | ideal slot schedule s (" + waves + " waves × " + jobSeconds + " s) | ratio"
                + " | mean startTime → finishTime of one task s | not SUCCESS |");
        line("|---:|---:|---:|---:|---:|");
        line("| " + num(makespan, 2) + " | " + num(ideal, 2) + " | " + num(makespan / ideal, 3) + " | "
                + num(meanRun, 2) + " | " + failed + " |");
        line("");
        line("Makespan = last finishTime − first submitTime of the tasks. The ideal counts only the sandbox's job time;"
                + " the sandbox's own reply latency (acknowledgement, start message) is part of the makespan.");
        line("");
        breakdown.report().forEach(this::line);
        line("");
    }

    // ---- formatting ----------------------------------------------------------------------

    private static String percentiles(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return "– | – | –";
        }
        return num(at(v, 0.50), 2) + " | " + num(at(v, 0.99), 2) + " | " + num(v[v.length - 1], 2);
    }

    private static double at(double[] sorted, double p) {
        return sorted[(int) Math.max(0, Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1))];
    }

    private void line(String text) {
        report.append(text).append('\n');
    }

    private static String num(double v, int decimals) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A path as the reader's command line would name it: relative to the working directory when inside it. */
    private static String shown(Path path) {
        Path here = Path.of("").toAbsolutePath();
        return path.startsWith(here) ? here.relativize(path).toString() : path.toString();
    }

    private static String seconds(Duration d) {
        return d.toMillis() / 1000.0 + " s";
    }

    private static double totalMemoryGiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return Double.NaN;
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "?";
        }
    }
}
