package dev.mjbridge.bench;

import dev.mjbridge.images.GridPicture;
import dev.mjbridge.images.GridSplitter;
import dev.mjbridge.images.ImageKey;
import dev.mjbridge.images.LocalImageStore;
import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The images phase (docs/performance.md, "Stored images"): what keeping the pictures of finished
 * tasks costs and how fast they are served.
 * <ol>
 * <li>With the local store (a temporary folder, removed afterwards): jobs one after another, timed
 *     from the bot's final message to the first fetch showing SUCCESS with a stored {@code imageUrl}
 *     ({@link CompletionTimer}); then wrk loads of one stored grid and one of its pictures on the
 *     bridge, and of the same files on the sandbox (the signed Discord attachment link, and
 *     Midjourney's CDN file {@code /mj-cdn/<hash>/0_<n>.png}).</li>
 * <li>With {@code mj.images.store=none}: the same jobs, SUCCESS with Discord's link, for the
 *     difference keeping makes; these grids were never downloaded, so the sandbox's first-request
 *     rendering of a grid can be timed on them.</li>
 * <li>Where the held time goes: the steps of keeping one grid, run in this JVM with the service's
 *     own classes ({@link GridSplitter}, {@link LocalImageStore}) on the grid just served.</li>
 * <li>Where the held time went in the service's own runs: the modification times of the files it
 *     wrote for each measured job ({@link StoreStages}).</li>
 * </ol>
 */
final class ImagesPhase {

    /** Which of a grid's four pictures is loaded (imageUrls[n] against Midjourney's 0_n.png). */
    private static final int PICTURE = 0;
    /** Longer than any run, so the signed Discord link of the loaded grid cannot expire during it. */
    private static final List<String> LONG_LINKS = List.of("--link-hours", "48");
    /** Repetitions of each step of the breakdown, after as many unrecorded ones. */
    private static final int STEP_RUNS = 20;
    private static final int STEP_WARM_UP = 5;
    /** Grids of the store=none run fetched twice from the sandbox (first: rendered; second: from its cache). */
    private static final int RENDER_SAMPLES = 20;

    private final BenchOptions options;
    private final Path runDir;
    private final boolean wrk;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> report = new ArrayList<>();

    ImagesPhase(BenchOptions options, Path runDir, boolean wrk) {
        this.options = options;
        this.runDir = runDir;
        this.wrk = wrk;
    }

    /** A downloaded file: its bytes and the time the download took. */
    private record Download(byte[] bytes, double millis) {
    }

    /** One file to load, with what the load measured (null before). */
    private record Served(String file, String by, String url, long bytes, LoadResult result) {
    }

    /** What the run with the local store measured. */
    private record Kept(List<CompletionTimer.Sample> samples, List<StoreStages> stages, List<Served> served,
                        String gridSize, String pictureSize, boolean sameGridBytes, boolean samePicturePixels,
                        boolean dirRemoved, Steps steps) {

        Kept withDirRemoved(boolean removed) {
            return new Kept(samples, stages, served, gridSize, pictureSize, sameGridBytes, samePicturePixels, removed,
                    steps);
        }
    }

    /** What the run with {@code mj.images.store=none} measured: its jobs, and the sandbox's rendering of grids. */
    private record NotKept(List<CompletionTimer.Sample> samples, List<Double> renderMillis) {
    }

    List<String> run() throws Exception {
        int warmUp = Math.min(options.imageSamples(), 50);
        Kept kept = withLocalStore(warmUp);
        NotKept notKept = withoutStore(warmUp);
        report(kept, notKept, warmUp);
        stagesReport(kept.stages());
        return report;
    }

    private Kept withLocalStore(int warmUp) throws Exception {
        Path imagesDir;
        Kept kept;
        try (Stack stack = Stack.start(options.jar(), options.app(), runDir, "images-local", 1, 10, 0.3, LONG_LINKS,
                List.of("--mj.images.store=local", "--mj.images.url=stored"))) {
            imagesDir = stack.imagesDir;
            stack.awaitReady(1, Duration.ofSeconds(120));
            System.out.println("   jobs with the local store (" + warmUp + " + " + options.imageSamples() + ")");
            List<CompletionTimer.Sample> stored = new CompletionTimer(stack, options.pollEvery(),
                    ImagesPhase::hasStoredLink, "SUCCESS with a stored imageUrl")
                    .run("bench images local", warmUp, options.imageSamples());
            List<StoreStages> stages = new ArrayList<>();
            for (CompletionTimer.Sample sample : stored) {
                stages.add(StoreStages.of(sample, stack.imagesDir));
            }
            JsonNode task = stored.get(stored.size() - 1).task();
            String bridgeGrid = task.path("imageUrl").asString();
            String sandboxGrid = task.path("properties").path("discordImageUrl").asString();
            String bridgePicture = pictureUrl(task, PICTURE);
            String sandboxPicture = stack.sandbox.base() + "/mj-cdn/" + task.path("properties").path("messageHash")
                    .asString() + "/0_" + PICTURE + ".png";
            byte[] grid = download(bridgeGrid).bytes();
            byte[] discordGrid = download(sandboxGrid).bytes();
            byte[] picture = download(bridgePicture).bytes();
            byte[] mjPicture = download(sandboxPicture).bytes();
            String gridName = "grid";
            String pictureName = "picture " + PICTURE + " of the grid";
            List<Served> targets = List.of(
                    new Served(gridName, "bridge `/mj/image/{taskId}/{file}`", bridgeGrid, grid.length, null),
                    new Served(gridName, "sandbox Discord CDN (signed attachment link)", sandboxGrid,
                            discordGrid.length, null),
                    new Served(pictureName, "bridge `/mj/image/{taskId}/{file}`", bridgePicture, picture.length, null),
                    new Served(pictureName, "sandbox Midjourney CDN `/mj-cdn/<hash>/0_" + PICTURE + ".png`",
                            sandboxPicture, mjPicture.length, null));
            // One unrecorded round of every load first, as in the http phase: the sandbox's CDN code
            // has served a handful of requests by now, and its first seconds of load run cold code.
            for (Served target : targets) {
                load(target, Duration.ofSeconds(1), options.warmUp(), stack.dir, " (warm-up round)");
            }
            List<Served> served = new ArrayList<>();
            for (Served target : targets) {
                served.add(load(target, options.warmUp(), options.duration(), stack.dir, ""));
            }
            // The signed link must still have worked at the end (wrk would count its 404s as failures too).
            download(sandboxGrid);
            kept = new Kept(stored, stages, served, dimensions(grid), dimensions(picture),
                    sha256(grid).equals(sha256(discordGrid)), samePixels(picture, mjPicture), false,
                    steps(grid, sandboxGrid));
        }
        return kept.withDirRemoved(!Files.exists(imagesDir));
    }

    private NotKept withoutStore(int warmUp) throws Exception {
        try (Stack stack = Stack.start(options.jar(), options.app(), runDir, "images-none", 1, 10, 0.3, LONG_LINKS,
                List.of("--mj.images.store=none"))) {
            stack.awaitReady(1, Duration.ofSeconds(120));
            System.out.println("   jobs with mj.images.store=none (" + warmUp + " + " + options.imageSamples() + ")");
            List<CompletionTimer.Sample> none = new CompletionTimer(stack, options.pollEvery(),
                    ImagesPhase::hasDiscordLink, "SUCCESS with Discord's link")
                    .run("bench images none", warmUp, options.imageSamples());
            // Nobody downloaded these grids: the first request makes the sandbox render and encode one.
            List<Double> render = new ArrayList<>();
            for (CompletionTimer.Sample sample : none.subList(Math.max(0, none.size() - RENDER_SAMPLES), none.size())) {
                String url = sample.task().path("properties").path("discordImageUrl").asString();
                double first = download(url).millis();
                render.add(first - download(url).millis());
            }
            return new NotKept(none, render);
        }
    }

    private static boolean hasStoredLink(JsonNode task) {
        return Api.isSuccess(task) && task.path("imageUrl").asString().contains("/mj/image/" + task.path("id").asString() + "/")
                && task.path("imageUrls").size() == 4;
    }

    private static boolean hasDiscordLink(JsonNode task) {
        return Api.isSuccess(task) && task.path("imageUrl").asString().contains("/attachments/");
    }

    private static String pictureUrl(JsonNode task, int n) throws IOException {
        for (JsonNode link : task.path("imageUrls")) {
            if (link.path("index").asInt() == n) {
                return link.path("url").asString();
            }
        }
        throw new IOException("task " + task.path("id").asString() + " has no picture " + n + " in imageUrls");
    }

    private Served load(Served target, Duration warmUp, Duration duration, Path dir, String round) throws Exception {
        URI uri = URI.create(target.url());
        URI base = URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        // "PNG" is in the first bytes of every PNG file (its signature): what the Java driver checks.
        LoadSpec spec = new LoadSpec(target.file() + " from " + target.by().replaceAll("`.*", "").trim() + round, "GET",
                path, null, "PNG", options.connections(), warmUp, duration, 0);
        System.out.println("   load: " + spec.name());
        LoadResult result = wrk ? WrkLoad.run(base, spec, dir) : SocketLoad.run(base, spec);
        return new Served(target.file(), target.by(), target.url(), target.bytes(), result);
    }

    private Download download(String url) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        double millis = (System.nanoTime() - start) / 1e6;
        if (answer.statusCode() != 200) {
            throw new IOException(withoutQuery(url) + " answered " + answer.statusCode());
        }
        return new Download(answer.body(), millis);
    }

    // ---- the steps of keeping one grid, in this JVM --------------------------------------------

    /** Each step of keeping one grid as {p50, p90} in ms, and the four pictures' PNG bytes together. */
    private record Steps(double[] download, double[] decode, double[] split, double[] write, int pictureBytes,
                         double[] largeSplit, int largeBytes) {
    }

    /** Midjourney's grids are 2048×2048 photographs; the sandbox's are 1024×1024 flat drawings. */
    private static final int LARGE_GRID_SIDE = 2048;
    private static final int LARGE_GRID_RUNS = 5;

    /**
     * A grid of Midjourney's size whose PNG compresses about as badly as a photograph's: smooth
     * gradients under a few bits of noise (fixed seed, so every run cuts the same picture).
     */
    private static byte[] photoLikeGrid() throws IOException {
        BufferedImage image = new BufferedImage(LARGE_GRID_SIDE, LARGE_GRID_SIDE, BufferedImage.TYPE_INT_RGB);
        Random noise = new Random(42);
        for (int y = 0; y < LARGE_GRID_SIDE; y++) {
            for (int x = 0; x < LARGE_GRID_SIDE; x++) {
                int r = (x * 255 / LARGE_GRID_SIDE + noise.nextInt(24)) & 0xff;
                int g = (y * 255 / LARGE_GRID_SIDE + noise.nextInt(24)) & 0xff;
                int b = ((x + y) * 255 / (2 * LARGE_GRID_SIDE) + noise.nextInt(24)) & 0xff;
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /**
     * The service keeps a grid by downloading it, decoding it, cutting and encoding its four
     * pictures ({@link GridSplitter#split}, which decodes too) and writing five files to the
     * store, each forced to disk. Each step is repeated here on the same bytes, with the service's
     * classes; the difference split − decode is the cut and the PNG encoding of the four pictures.
     */
    private Steps steps(byte[] grid, String discordUrl) throws IOException, InterruptedException {
        System.out.println("   steps of keeping one grid, " + STEP_RUNS + " runs each");
        GridSplitter splitter = new GridSplitter();
        List<Double> download = new ArrayList<>();
        List<Double> decode = new ArrayList<>();
        List<Double> split = new ArrayList<>();
        List<Double> write = new ArrayList<>();
        List<GridPicture> pictures = splitter.split(grid);
        Path root = Files.createTempDirectory("mj-bench-steps-");
        try {
            LocalImageStore store = new LocalImageStore(root, 64L * 1024 * 1024);
            for (int i = -STEP_WARM_UP; i < STEP_RUNS; i++) {
                double d = download(discordUrl).millis();
                long t0 = System.nanoTime();
                ImageIO.read(new ByteArrayInputStream(grid));
                long t1 = System.nanoTime();
                pictures = splitter.split(grid);
                long t2 = System.nanoTime();
                String task = Long.toString(1_000_000_000_000L + i + STEP_WARM_UP);
                store.put(new ImageKey(task, "grid.png"), new ByteArrayInputStream(grid));
                for (GridPicture picture : pictures) {
                    store.put(new ImageKey(task, "grid_" + picture.position() + ".png"),
                            new ByteArrayInputStream(picture.png()));
                }
                long t3 = System.nanoTime();
                if (i < 0) {
                    continue;
                }
                download.add(d);
                decode.add((t1 - t0) / 1e6);
                split.add((t2 - t1) / 1e6);
                write.add((t3 - t2) / 1e6);
            }
        } finally {
            Stack.deleteTree(root);
        }
        byte[] large = photoLikeGrid();
        List<Double> largeSplit = new ArrayList<>();
        for (int i = -1; i < LARGE_GRID_RUNS; i++) {
            long t0 = System.nanoTime();
            splitter.split(large);
            if (i >= 0) {
                largeSplit.add((System.nanoTime() - t0) / 1e6);
            }
        }
        return new Steps(medianP90(download), medianP90(decode), medianP90(split), medianP90(write),
                pictures.stream().mapToInt(p -> p.png().length).sum(), medianP90(largeSplit), large.length);
    }

    // ---- the report ----------------------------------------------------------------------------

    private void report(Kept kept, NotKept notKept, int warmUp) {
        List<CompletionTimer.Sample> stored = kept.samples();
        List<CompletionTimer.Sample> none = notKept.samples();
        Steps steps = kept.steps();
        line("## Stored images (1 account, 0.3 s jobs, sandbox links valid 48 h)");
        line("");
        line("### Serving one stored file: bridge against sandbox (" + options.connections()
                + " connections, keep-alive, warm-up " + seconds(options.warmUp()) + ", measured "
                + seconds(options.duration()) + ")");
        line("");
        line("| file | served by | bytes | req/s | MiB/s | p50 ms | p99 ms | requests | failed |");
        line("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Served s : kept.served()) {
            LoadResult r = s.result();
            line("| " + s.file() + " | " + s.by() + " | " + s.bytes() + " | " + num(r.requestsPerSecond(), 0) + " | "
                    + num(r.requestsPerSecond() * s.bytes() / 1024 / 1024, 0) + " | " + num(r.p50Millis(), 2) + " | "
                    + num(r.p99Millis(), 2) + " | " + r.requests() + " | " + r.failures() + " |");
        }
        line("");
        line("Driver: " + (wrk ? "wrk" : "java") + ". The grid is " + kept.gridSize() + " pixels, picture " + PICTURE + " "
                + kept.pictureSize() + ". The stored grid is the downloaded file itself (same bytes as the sandbox's: "
                + (kept.sameGridBytes() ? "yes" : "**no**") + "); the stored picture is the service's own PNG of the quadrant,"
                + " the sandbox's `0_" + PICTURE + ".png` its own rendering of it (same pixels: "
                + (kept.samePicturePixels() ? "yes" : "**no**") + "; the byte counts differ by encoder). The bridge streams"
                + " the file from disk; the sandbox serves bytes it rendered once and keeps in memory.");
        line("");
        line("### Final message → SUCCESS visible to fetch, with and without keeping the picture (" + stored.size()
                + " and " + none.size() + " jobs one after another after " + warmUp + " unrecorded warm-up jobs each, "
                + (options.pollEvery().isZero() ? "fetches back to back" : "a fetch every "
                + num(options.pollEvery().toNanos() / 1e6, 2) + " ms") + ")");
        line("");
        line("| `mj.images.store` | measure | p50 ms | p90 ms | p99 ms | max ms |");
        line("|---|---|---:|---:|---:|---:|");
        line("| local (temp folder) | upper: bot's send stamp → the fetch answer showing SUCCESS with a stored imageUrl"
                + " arrives | " + percentiles(stored.stream().map(CompletionTimer.Sample::upperMs).toList()) + " |");
        line("| local | lower: → the last fetch still seeing it unfinished was sent | "
                + percentiles(stored.stream().map(CompletionTimer.Sample::lowerMs).toList()) + " |");
        line("| local | → the task's finishTime (ms resolution) | "
                + percentiles(stored.stream().map(CompletionTimer.Sample::finishTimeMs).toList()) + " |");
        line("| none (Discord's link) | upper | "
                + percentiles(none.stream().map(CompletionTimer.Sample::upperMs).toList()) + " |");
        line("| none | lower | " + percentiles(none.stream().map(CompletionTimer.Sample::lowerMs).toList()) + " |");
        line("| none | → finishTime | "
                + percentiles(none.stream().map(CompletionTimer.Sample::finishTimeMs).toList()) + " |");
        line("");
        double[] local = sorted(stored.stream().map(CompletionTimer.Sample::upperMs).toList());
        double[] discord = sorted(none.stream().map(CompletionTimer.Sample::upperMs).toList());
        line("Keeping the picture adds " + num(at(local, 0.5) - at(discord, 0.5), 1) + " ms at the median and "
                + num(at(local, 0.99) - at(discord, 0.99), 1) + " ms at p99 (upper bounds). The local store's folder"
                + " was a temporary one under " + System.getProperty("java.io.tmpdir") + ", removed after the run: "
                + (kept.dirRemoved() ? "yes" : "**no**") + ".");
        line("");
        line("### Where the held time goes (one grid, each step " + STEP_RUNS + " times in the harness's JVM with the"
                + " service's classes, after " + STEP_WARM_UP + " unrecorded runs)");
        line("");
        double[] rendering = sorted(notKept.renderMillis());
        line("| step | p50 ms | p90 ms |");
        line("|---|---:|---:|");
        line("| the sandbox renders and encodes a grid at its first request (first GET − second GET of each of "
                + rendering.length + " grids nobody had fetched; a real CDN serves a stored file) | "
                + num(at(rendering, 0.5), 1) + " | " + num(at(rendering, 0.9), 1) + " |");
        line("| download of the grid once rendered (from the sandbox's memory, the harness's HTTP client) | "
                + num(steps.download()[0], 1) + " | " + num(steps.download()[1], 1) + " |");
        line("| decode the grid (ImageIO.read) | " + num(steps.decode()[0], 1) + " | " + num(steps.decode()[1], 1) + " |");
        line("| GridSplitter.split: decode + cut + PNG-encode four pictures (" + steps.pictureBytes() + " bytes) | "
                + num(steps.split()[0], 1) + " | " + num(steps.split()[1], 1) + " |");
        line("| of which cut + encode (split − decode) | " + num(steps.split()[0] - steps.decode()[0], 1) + " | – |");
        line("| write grid + four pictures to the local store (each to a temp file, forced to disk, renamed; SHA-256"
                + " note) | " + num(steps.write()[0], 1) + " | " + num(steps.write()[1], 1) + " |");
        double sum = at(rendering, 0.5) + steps.download()[0] + steps.split()[0] + steps.write()[0];
        line("| sum of the p50s (render + download + split + write) | " + num(sum, 1) + " | – |");
        line("| measured: p50 with the local store − p50 without (upper bounds) | "
                + num(at(local, 0.5) - at(discord, 0.5), 1) + " | – |");
        line("| for scale: GridSplitter.split of a " + LARGE_GRID_SIDE + "×" + LARGE_GRID_SIDE + " photo-like grid made by"
                + " the harness (" + steps.largeBytes() + " bytes of PNG; " + LARGE_GRID_RUNS + " runs), the size of"
                + " Midjourney's own grids | " + num(steps.largeSplit()[0], 1) + " | " + num(steps.largeSplit()[1], 1)
                + " |");
        line("");
    }

    // ---- the held time of the service's own runs, from its files' times ------------------------

    /**
     * When the service wrote each file of one task, against the bot's stamp (ms): the local store
     * writes a file's bytes, forces them to disk, then writes its SHA-256 note, so a file's
     * modification time is when its bytes were written and its note's when they were on disk. The
     * grid is stored first, then cut, then its four pictures are stored one after another.
     */
    private record StoreStages(double gridWritten, double gridForced, double firstPictureWritten,
                               double lastPictureForced, double finishTime, double seen) {

        static StoreStages of(CompletionTimer.Sample sample, Path imagesDir) throws IOException {
            String id = sample.task().path("id").asString();
            Path folder = imagesDir.resolve(id);
            String gridFile = sample.task().path("imageUrl").asString().replaceFirst(".*/", "");
            String name = gridFile.substring(0, gridFile.lastIndexOf('.'));
            return new StoreStages(since(sample, folder.resolve(gridFile)),
                    since(sample, folder.resolve(gridFile + ".sha256")),
                    since(sample, folder.resolve(name + "_0.png")),
                    since(sample, folder.resolve(name + "_3.png.sha256")),
                    sample.finishTimeMs(), sample.upperMs());
        }

        private static double since(CompletionTimer.Sample sample, Path file) throws IOException {
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            return ChronoUnit.MICROS.between(sample.botSent(), modified) / 1000.0;
        }
    }

    private void stagesReport(List<StoreStages> stages) {
        line("### Where the held time went in the service's own runs (" + stages.size()
                + " jobs with the local store, from the times of the files it wrote)");
        line("");
        line("| span | p50 ms | p90 ms | p99 ms | max ms |");
        line("|---|---:|---:|---:|---:|");
        line("| bot's final message stamped → the grid's bytes written (event, hold, the sandbox renders the grid,"
                + " download) | " + percentiles(stages.stream().map(StoreStages::gridWritten).toList()) + " |");
        line("| → the grid forced to disk (its note written) | "
                + percentiles(stages.stream().map(t -> t.gridForced() - t.gridWritten()).toList()) + " |");
        line("| → picture 0's bytes written (note forced, renames, folder synced; the cut: decode, cut, PNG-encode"
                + " four pictures) | "
                + percentiles(stages.stream().map(t -> t.firstPictureWritten() - t.gridForced()).toList()) + " |");
        line("| → picture 3 forced to disk (four pictures written, forced, renamed) | "
                + percentiles(stages.stream().map(t -> t.lastPictureForced() - t.firstPictureWritten()).toList())
                + " |");
        line("| → the task's finishTime (last renames and folder sync, the task update; ms resolution) | "
                + percentiles(stages.stream().map(t -> t.finishTime() - t.lastPictureForced()).toList()) + " |");
        line("| → the fetch answer showing SUCCESS arrives | "
                + percentiles(stages.stream().map(t -> t.seen() - t.finishTime()).toList()) + " |");
        line("| total: final message stamped → SUCCESS seen (upper bound) | "
                + percentiles(stages.stream().map(StoreStages::seen).toList()) + " |");
        line("");
        line("Each span's percentiles are of that span alone, so they do not add up to the total's.");
        line("");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static double[] medianP90(List<Double> values) {
        double[] v = sorted(values);
        return new double[] {at(v, 0.5), at(v, 0.9)};
    }

    private static String percentiles(List<Double> values) {
        double[] v = sorted(values);
        if (v.length == 0) {
            return "– | – | – | –";
        }
        return num(at(v, 0.5), 2) + " | " + num(at(v, 0.9), 2) + " | " + num(at(v, 0.99), 2) + " | "
                + num(v[v.length - 1], 2);
    }

    private static double[] sorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static double at(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.max(0, Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1))];
    }

    private static String dimensions(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        return image.getWidth() + "×" + image.getHeight();
    }

    private static boolean samePixels(byte[] a, byte[] b) throws IOException {
        BufferedImage x = ImageIO.read(new ByteArrayInputStream(a));
        BufferedImage y = ImageIO.read(new ByteArrayInputStream(b));
        if (x.getWidth() != y.getWidth() || x.getHeight() != y.getHeight()) {
            return false;
        }
        int[] rowX = new int[x.getWidth()];
        int[] rowY = new int[y.getWidth()];
        for (int line = 0; line < x.getHeight(); line++) {
            x.getRGB(0, line, x.getWidth(), 1, rowX, 0, x.getWidth());
            y.getRGB(0, line, y.getWidth(), 1, rowY, 0, y.getWidth());
            if (!Arrays.equals(rowX, rowY)) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private void line(String text) {
        report.add(text);
    }

    private static String num(double v, int decimals) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String seconds(Duration d) {
        return d.toMillis() / 1000.0 + " s";
    }
}
