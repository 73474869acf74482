package dev.mjbridge.bench;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The cluster phase (docs/performance.md, "Cluster"): several mj-bridge processes on one PostgreSQL
 * and one sandbox with {@link ClusterStack#ACCOUNTS} accounts.
 * <ul>
 * <li><b>Takeover</b>: an instance holding an account is killed with SIGKILL; the time from the kill
 *     until another instance's lease on that account shows in {@code GET /mj/cluster}, and until the
 *     account is READY there. After each run a new instance joins and the shares settle again.</li>
 * <li><b>Read elsewhere</b>: jobs one after another, each fetched back to back on the instance that
 *     runs it and, at the same time on another connection, on another instance; from the bot's final
 *     message to SUCCESS visible on each.</li>
 * <li><b>Submit throughput</b>: the bot paused, submits by count on every instance at once, three
 *     instances, then one instance alone on a fresh schema.</li>
 * </ul>
 */
final class ClusterPhase {

    private static final int INSTANCES = 3;
    private static final Duration SETTLE = Duration.ofMinutes(3);
    /** Unrecorded jobs of the read-elsewhere measure, before the recorded ones. */
    private static final int WARM_UP = 20;

    private final BenchOptions options;
    private final Path runDir;
    private final List<String> report = new ArrayList<>();

    ClusterPhase(BenchOptions options, Path runDir) {
        this.options = options;
        this.runDir = runDir;
    }

    List<String> run() throws Exception {
        List<Double> heldMs = new ArrayList<>();
        List<Double> readyMs = new ArrayList<>();
        List<double[]> reads = new ArrayList<>();
        LoadResult three;
        try (ClusterStack stack = stack("cluster-3")) {
            List<ClusterStack.Instance> live = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                live.add(stack.start("bench-" + i));
            }
            stack.awaitShared(live, SETTLE);
            reads = readElsewhere(live, stack.sandbox);
            for (int run = 0; run < options.clusterTakeovers(); run++) {
                System.out.println("   takeover " + (run + 1) + " of " + options.clusterTakeovers());
                ClusterStack.Instance victim = live.remove(run % INSTANCES);
                double[] takeover = takeover(victim, live);
                heldMs.add(takeover[0]);
                readyMs.add(takeover[1]);
                live.add(run % INSTANCES, stack.start("bench-replacement-" + run));
                stack.awaitShared(live, SETTLE);
            }
            three = submitLoad(live, stack.sandbox);
        }
        LoadResult one;
        try (ClusterStack stack = stack("cluster-1")) {
            ClusterStack.Instance alone = stack.start("bench-alone");
            stack.awaitShared(List.of(alone), SETTLE);
            one = submitLoad(List.of(alone), stack.sandbox);
        }
        write(heldMs, readyMs, reads, three, one);
        return report;
    }

    private ClusterStack stack(String name) throws Exception {
        // Queues deep enough for every submit of the load (the bot is paused while it runs).
        return ClusterStack.start(options.jar(), options.app(), runDir, name, options.clusterDatabase(),
                options.clusterDatabaseUser(), options.clusterLeaseTtl(), 1000, 0.5);
    }

    // ---- takeover --------------------------------------------------------------------------

    /** Kills the victim; returns ms from the kill until an account of its is held elsewhere, and READY there. */
    private static double[] takeover(ClusterStack.Instance victim, List<ClusterStack.Instance> others) throws Exception {
        String account = victim.readyAccounts().stream().sorted().findFirst()
                .orElseThrow(() -> new IllegalStateException(victim.id() + " holds no account"));
        long killed = System.nanoTime();
        victim.kill();
        double held = Double.NaN;
        long deadline = killed + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (Double.isNaN(held) && heldElsewhere(others.get(0), account, victim.id())) {
                held = (System.nanoTime() - killed) / 1e6;
            }
            for (ClusterStack.Instance other : others) {
                if (other.readyAccounts().contains(account)) {
                    double ready = (System.nanoTime() - killed) / 1e6;
                    return new double[] {Double.isNaN(held) ? ready : held, ready};
                }
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException(account + " was not taken over within 2 minutes");
    }

    private static boolean heldElsewhere(ClusterStack.Instance asked, String account, String victim) throws Exception {
        JsonNode overview = asked.api().adminGet("/mj/cluster", ClusterStack.ADMIN_SECRET);
        for (JsonNode lease : overview.path("result").path("leases")) {
            if (lease.path("accountId").asString().equals(account)) {
                String owner = lease.path("owner").asString(null);
                return owner != null && !owner.equals(victim) && lease.path("expiresInMillis").asLong() > 0;
            }
        }
        return false;
    }

    // ---- read elsewhere ----------------------------------------------------------------------

    /**
     * Jobs one after another, each submitted to the next instance in turn (the one that runs it: tasks
     * stay on the instance that took them) and polled there and on the instance after it, each on its
     * own thread. Per job: {owner ms, other ms} from the bot's final message to the answer showing SUCCESS.
     */
    private List<double[]> readElsewhere(List<ClusterStack.Instance> live, Api sandbox) throws Exception {
        List<double[]> samples = new ArrayList<>();
        ExecutorService pollers = Executors.newFixedThreadPool(2);
        try {
            for (int i = -WARM_UP; i < options.clusterSamples(); i++) {
                ClusterStack.Instance owner = live.get(Math.floorMod(i, live.size()));
                ClusterStack.Instance other = live.get(Math.floorMod(i + 1, live.size()));
                String id = owner.api().imagine("bench cluster read " + i);
                Future<Instant> onOwner = pollers.submit(() -> seenSuccess(owner.api(), id));
                Future<Instant> onOther = pollers.submit(() -> seenSuccess(other.api(), id));
                Instant ownerSaw = onOwner.get();
                Instant otherSaw = onOther.get();
                JsonNode task = owner.api().fetch(id);
                JsonNode props = task.path("properties");
                JsonNode message = sandbox.get("/api/v10/channels/" + props.path("discordChannelId").asString()
                        + "/messages/" + props.path("messageId").asString(), Stack.token(0));
                Instant botSent = OffsetDateTime.parse(message.path("timestamp").asString()).toInstant();
                if (i >= 0) {
                    samples.add(new double[] {ChronoUnit.MICROS.between(botSent, ownerSaw) / 1000.0,
                            ChronoUnit.MICROS.between(botSent, otherSaw) / 1000.0});
                }
            }
        } finally {
            pollers.shutdownNow();
        }
        return samples;
    }

    /** Fetches back to back until the task shows SUCCESS; the moment that answer arrived. */
    private static Instant seenSuccess(Api api, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode task = api.fetch(id);
            if (Api.isFinal(task)) {
                if (!Api.isSuccess(task)) {
                    throw new IllegalStateException("task " + id + " ended without SUCCESS on " + api.base() + ": " + task);
                }
                return Instant.now();
            }
        }
        throw new IllegalStateException("task " + id + " not final on " + api.base() + " within 60 s");
    }

    // ---- submit throughput --------------------------------------------------------------------

    /** The bot paused, submits on every instance at once; the sum of their rates, the worst p99. */
    private LoadResult submitLoad(List<ClusterStack.Instance> live, Api sandbox) throws Exception {
        sandbox.post("/sandbox/bot/pause", "{}");
        ExecutorService drivers = Executors.newFixedThreadPool(live.size());
        try {
            int connections = Math.max(1, options.connections() / live.size());
            List<Future<LoadResult>> results = new ArrayList<>();
            for (ClusterStack.Instance instance : live) {
                LoadSpec spec = new LoadSpec("submit imagine", "POST", "/mj/submit/imagine",
                        "{\"prompt\":\"bench cluster admission --ar 3:2\"}", "discordInstanceId", connections,
                        Duration.ofSeconds(1), options.duration(), SUBMIT_BUDGET / live.size());
                results.add(drivers.submit(() -> SocketLoad.run(URI.create(instance.api().base()), spec)));
            }
            long requests = 0;
            long failures = 0;
            double seconds = 0;
            double p50 = 0;
            double p99 = 0;
            for (Future<LoadResult> result : results) {
                LoadResult r = result.get();
                requests += r.requests();
                failures += r.failures();
                seconds = Math.max(seconds, r.seconds());
                p50 = Math.max(p50, r.p50Millis());
                p99 = Math.max(p99, r.p99Millis());
            }
            return new LoadResult("java", requests, failures, seconds, p50, p99);
        } finally {
            drivers.shutdownNow();
            sandbox.post("/sandbox/bot/resume", "{}");
        }
    }

    /** At most this many submits in all: each one is a task that stays queued while the bot is paused (6 accounts, queues of 1,000). */
    private static final long SUBMIT_BUDGET = 5400;

    // ---- report ---------------------------------------------------------------------------------

    private void write(List<Double> heldMs, List<Double> readyMs, List<double[]> reads, LoadResult three,
                       LoadResult one) {
        Duration ttl = options.clusterLeaseTtl();
        line("## Cluster (" + INSTANCES + " instances, " + ClusterStack.ACCOUNTS + " accounts, one PostgreSQL, lease ttl "
                + ttl.toMillis() / 1000.0 + " s)");
        line("");
        line("| takeover after SIGKILL of the holder (" + heldMs.size() + " runs) | median ms | worst ms |");
        line("|---|---:|---:|");
        line("| kill → the account's lease held by another instance (GET /mj/cluster) | " + num(median(heldMs))
                + " | " + num(max(heldMs)) + " |");
        line("| kill → the account READY on another instance | " + num(median(readyMs)) + " | " + num(max(readyMs)) + " |");
        line("");
        List<Double> owner = reads.stream().map(r -> r[0]).toList();
        List<Double> other = reads.stream().map(r -> r[1]).toList();
        List<Double> extra = reads.stream().map(r -> r[1] - r[0]).toList();
        line("| bot's final message → SUCCESS visible (" + reads.size() + " jobs one after another, after " + WARM_UP
                + " unrecorded) | p50 ms | p99 ms | max ms |");
        line("|---|---:|---:|---:|");
        line("| fetch on the instance that runs the job | " + percentiles(owner) + " |");
        line("| fetch on another instance (at the same time, own connection) | " + percentiles(other) + " |");
        line("| extra latency elsewhere (other − owner, per job) | " + percentiles(extra) + " |");
        line("");
        line("| submit imagine, bot paused (" + options.connections() + " connections in all, " + seconds(options.duration())
                + " measured, at most " + SUBMIT_BUDGET + " submits) | submits/s | worst p50 ms | worst p99 ms | failed |");
        line("|---|---:|---:|---:|---:|");
        line("| 1 instance (cluster on, PostgreSQL) | " + num(one.requestsPerSecond()) + " | " + num(one.p50Millis())
                + " | " + num(one.p99Millis()) + " | " + one.failures() + " |");
        line("| " + INSTANCES + " instances, each loaded at once | " + num(three.requestsPerSecond()) + " | "
                + num(three.p50Millis()) + " | " + num(three.p99Millis()) + " | " + three.failures() + " |");
        line("");
        line("Takeover: the instance killed is each time another one; a new instance joins after each run and the"
                + " shares settle before the next. The lease of a killed instance lapses one ttl after its last renewal,"
                + " and the others look every renew interval (a third of the ttl), so the expected takeover lies between"
                + " 2/3 and 4/3 of the ttl, plus the time to connect. Read elsewhere: the instance that runs the job"
                + " answers from memory, another one from the database row that the owner's write-behind store wrote."
                + " All processes share this machine's cores: three instances do not get three times the CPU.");
        line("");
    }

    private void line(String text) {
        report.add(text);
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length == 0 ? Double.NaN : v[(v.length - 1) / 2];
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static String percentiles(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return "– | – | –";
        }
        return num(at(v, 0.50)) + " | " + num(at(v, 0.99)) + " | " + num(v[v.length - 1]);
    }

    private static double at(double[] sorted, double p) {
        return sorted[(int) Math.max(0, Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1))];
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String seconds(Duration d) {
        return d.toMillis() / 1000.0 + " s";
    }
}
