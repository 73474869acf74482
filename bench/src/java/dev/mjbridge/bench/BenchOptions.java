package dev.mjbridge.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The harness's command line; {@code bench/run --help} prints {@link #USAGE}. */
record BenchOptions(List<String> args, Path jar, Path app, Path out, Path workDir, List<String> phases, int connections,
                    Duration warmUp, Duration duration, Duration idle, Duration idleWindow, List<Integer> accountCounts, int samples,
                    Duration pollEvery, int imageSamples,
                    int burstAccounts, int burstJobs, double burstJobSeconds, String compare, String compareSandbox,
                    boolean javaDriverOnly, Path jmhResults, List<String> appArgs, int clusterTakeovers,
                    int clusterSamples, String clusterDatabase, String clusterDatabaseUser, Duration clusterLeaseTtl) {

    static final String USAGE = """
            options (defaults in brackets):
              --phases LIST          http,startup,completion,burst,images,pool-edit,events [all seven],
                                     and cluster (several instances on PostgreSQL; only when named)
              --connections N        HTTP connections [32]
              --warmup S             warm-up seconds per HTTP load [5]
              --duration S           measured seconds per HTTP load [10]
              --accounts LIST        account counts of the start-up phase [1,100,1000]
              --idle S               settling time after all accounts are READY [10]
              --idle-window S        window over which idle CPU is counted [45]
              --samples N            measured jobs of the completion phase, after as many unrecorded
                                     warm-up jobs (at most 50) [200]
              --poll-every MS        pause between the completion and images phases' fetches [0: back to back]
              --image-samples N      measured jobs of the images phase with the local store and again with
                                     mj.images.store=none, each after min(N, 50) warm-up jobs [100]
              --burst-accounts N     [10]   --burst-jobs M [130]   --burst-job-seconds S [2]
              --compare URL          also load this midjourney-proxy-compatible base URL; report ratios
              --compare-sandbox URL  sandbox whose bot the peer uses (paused for the running/submit loads)
                                     [the harness's own sandbox of the http phase]
              --java-driver          use the Java driver even where wrk is installed
              --jmh-results FILE     a JMH CSV result (-rf csv) to add to the report as a table
              --jar PATH             [bench/target/mj-bridge.jar]   --out DIR [bench/results]
              --app DIR              the service as shipped: the folder launch/prepare made from the jar,
                                     started with DIR/mj-bridge [bench/target/app]
              --app-arg ARG          one more argument for the service of the http phase, repeatable; e.g.
                                     the meters off: --app-arg --management.metrics.enable.all=false
                                     --app-arg --management.observations.enable.all=false [none]
              --cluster-takeovers N  SIGKILL takeovers the cluster phase times [5]
              --cluster-samples N    jobs of the cluster phase's read-elsewhere measure, after 20 unrecorded [100]
              --cluster-db URL       a PostgreSQL database where the cluster phase makes (and drops) its schemas
                                     [jdbc:postgresql://127.0.0.1:5432/test]
              --cluster-db-user NAME [postgres]   (no password: trust authentication, as in the tests)
              --cluster-lease-ttl S  the instances' mj.cluster.lease-ttl [3]
            """;

    /** Every harness phase, in the order a full run takes them. */
    static final List<String> PHASES = List.of("http", "startup", "completion", "burst", "images", "pool-edit", "events");
    /** Phases run only when named: they need more than the machine itself (cluster: a PostgreSQL server). */
    static final List<String> NAMED_ONLY = List.of("cluster");

    static BenchOptions parse(String[] argv) {
        List<String> phases = PHASES;
        int connections = 32;
        Duration warmUp = Duration.ofSeconds(5);
        Duration duration = Duration.ofSeconds(10);
        Duration idle = Duration.ofSeconds(10);
        Duration idleWindow = Duration.ofSeconds(45);
        List<Integer> accounts = List.of(1, 100, 1000);
        int samples = 200;
        Duration pollEvery = Duration.ZERO;
        int imageSamples = 100;
        int burstAccounts = 10;
        int burstJobs = 130;
        double burstJobSeconds = 2;
        String compare = null;
        String compareSandbox = null;
        boolean javaDriver = false;
        Path jar = Path.of("bench/target/mj-bridge.jar");
        Path app = Path.of("bench/target/app");
        Path out = Path.of("bench/results");
        Path jmhResults = null;
        List<String> appArgs = new ArrayList<>();
        int clusterTakeovers = 5;
        int clusterSamples = 100;
        String clusterDatabase = "jdbc:postgresql://127.0.0.1:5432/test";
        String clusterDatabaseUser = "postgres";
        Duration clusterLeaseTtl = Duration.ofSeconds(3);
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            switch (a) {
                case "--phases" -> phases = List.of(argv[++i].split(","));
                case "--connections" -> connections = Integer.parseInt(argv[++i]);
                case "--warmup" -> warmUp = seconds(argv[++i]);
                case "--duration" -> duration = seconds(argv[++i]);
                case "--idle" -> idle = seconds(argv[++i]);
                case "--idle-window" -> idleWindow = seconds(argv[++i]);
                case "--accounts" -> accounts = Arrays.stream(argv[++i].split(",")).map(Integer::parseInt).toList();
                case "--samples" -> samples = Integer.parseInt(argv[++i]);
                case "--poll-every" -> pollEvery = Duration.ofNanos(Math.round(Double.parseDouble(argv[++i]) * 1_000_000));
                case "--image-samples" -> imageSamples = Integer.parseInt(argv[++i]);
                case "--burst-accounts" -> burstAccounts = Integer.parseInt(argv[++i]);
                case "--burst-jobs" -> burstJobs = Integer.parseInt(argv[++i]);
                case "--burst-job-seconds" -> burstJobSeconds = Double.parseDouble(argv[++i]);
                case "--compare" -> compare = argv[++i];
                case "--compare-sandbox" -> compareSandbox = argv[++i];
                case "--java-driver" -> javaDriver = true;
                case "--jmh-results" -> jmhResults = Path.of(argv[++i]);
                case "--jar" -> jar = Path.of(argv[++i]);
                case "--app" -> app = Path.of(argv[++i]);
                case "--out" -> out = Path.of(argv[++i]);
                case "--app-arg" -> appArgs.add(argv[++i]);
                case "--cluster-takeovers" -> clusterTakeovers = Integer.parseInt(argv[++i]);
                case "--cluster-samples" -> clusterSamples = Integer.parseInt(argv[++i]);
                case "--cluster-db" -> clusterDatabase = argv[++i];
                case "--cluster-db-user" -> clusterDatabaseUser = argv[++i];
                case "--cluster-lease-ttl" -> clusterLeaseTtl = seconds(argv[++i]);
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        if (phases.isEmpty() || phases.equals(List.of("none"))) {
            phases = List.of();
        }
        if (compare != null && compareSandbox == null) {
            throw new IllegalArgumentException("--compare needs --compare-sandbox: the sandbox the peer uses, whose"
                    + " bot is paused for the running-task and submit loads");
        }
        for (String p : phases) {
            if (!PHASES.contains(p) && !NAMED_ONLY.contains(p)) {
                throw new IllegalArgumentException("unknown phase " + p + "\n" + USAGE);
            }
        }
        return new BenchOptions(new ArrayList<>(Arrays.asList(argv)), jar.toAbsolutePath(), app.toAbsolutePath(), out,
                Path.of("bench/target/runs").toAbsolutePath(), phases,
                connections, warmUp, duration, idle, idleWindow, accounts, samples, pollEvery, imageSamples, burstAccounts, burstJobs, burstJobSeconds,
                compare, compareSandbox, javaDriver, jmhResults, List.copyOf(appArgs), clusterTakeovers, clusterSamples,
                clusterDatabase, clusterDatabaseUser, clusterLeaseTtl);
    }

    private static Duration seconds(String s) {
        return Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
    }
}
