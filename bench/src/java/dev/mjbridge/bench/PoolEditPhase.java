package dev.mjbridge.bench;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * The pool-edit phase (docs/performance.md, "Editing the pool"): how long an edit of accounts.yml
 * takes to be applied while the pool has {@link #ACCOUNTS} accounts, as an operator would make it.
 * <ul>
 * <li>A hand edit, written as editors do (a temporary file renamed over the old one): from the
 *     rename until {@code GET /mj/account/reload-status} shows the new file's checksum applied.
 *     This includes the watcher's wait for the burst to end. Three kinds: every account's
 *     {@code concurrency} changed (applied in place), one account removed, and that account
 *     listed again (until it is applied, and until it is READY again on the sandbox).</li>
 * <li>{@code POST /mj/account/reload} right after a hand write: the same edit of all accounts
 *     without the watcher's wait, i.e. reading, checking and applying the file.</li>
 * <li>{@code PUT /mj/account/{id}} through the admin API: the round trip of one changed key,
 *     which reads, edits, checks, writes (fsync) and applies the whole file.</li>
 * </ul>
 * Each is repeated {@link #ROUNDS} times after one unrecorded round; the table gives the median
 * and the largest.
 */
final class PoolEditPhase {

    static final int ACCOUNTS = 100;
    private static final int ROUNDS = 10;
    private static final String SECRET = "bench-admin-secret";
    private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(30);

    private final BenchOptions options;
    private final Path runDir;
    private final List<String> report = new ArrayList<>();

    PoolEditPhase(BenchOptions options, Path runDir) {
        this.options = options;
        this.runDir = runDir;
    }

    List<String> run() throws Exception {
        try (Stack stack = Stack.start(options.jar(), options.app(), runDir, "pool-edit", ACCOUNTS, 10, 0.3,
                List.of(), List.of("--mj.admin-secret=" + SECRET))) {
            stack.awaitReady(ACCOUNTS, Duration.ofMinutes(3));
            Path file = stack.dir.resolve("accounts.yml");
            String original = Files.readString(file);
            AdminApi admin = new AdminApi(stack.app, SECRET);

            List<Double> retune = new ArrayList<>();
            List<Double> removed = new ArrayList<>();
            List<Double> added = new ArrayList<>();
            List<Double> readyAgain = new ArrayList<>();
            List<Double> reloadCall = new ArrayList<>();
            List<Double> putCall = new ArrayList<>();
            String last = "acc-" + (ACCOUNTS - 1);
            for (int round = 0; round <= ROUNDS; round++) {
                boolean recorded = round > 0;
                int concurrency = 1 + round % 3;
                record(recorded, retune, handEdit(admin, file, withConcurrency(original, concurrency)));
                String without = withConcurrency(withoutLast(original), concurrency);
                record(recorded, removed, handEdit(admin, file, without));
                long listedAt = System.nanoTime();
                record(recorded, added, handEdit(admin, file, withConcurrency(original, concurrency)));
                awaitReady(stack, admin, last);
                record(recorded, readyAgain, (System.nanoTime() - listedAt) / 1e6);

                String reloaded = withConcurrency(original, 1 + (round + 1) % 3);
                writeLikeAnEditor(file, reloaded);
                long before = System.nanoTime();
                JsonNode answer = admin.post("/mj/account/reload", "");
                record(recorded, reloadCall, (System.nanoTime() - before) / 1e6);
                requireOk(answer, "reload");
                awaitApplied(admin, checksum(reloaded));

                before = System.nanoTime();
                answer = admin.put("/mj/account/acc-" + (round % ACCOUNTS), "{\"remark\": \"round " + round + "\"}");
                record(recorded, putCall, (System.nanoTime() - before) / 1e6);
                requireOk(answer, "PUT");
                original = Files.readString(file);
            }
            report.add("## Editing the pool (" + ACCOUNTS + " accounts)");
            report.add("");
            report.add("Milliseconds over " + ROUNDS + " rounds after one unrecorded round; a hand edit is timed from the "
                    + "rename of the new file until reload-status shows its checksum applied (the watcher waits 300 ms "
                    + "for a burst of writes to end).");
            report.add("");
            report.add("| edit | median ms | max ms |");
            report.add("|---|---:|---:|");
            row("hand edit: `concurrency` of all " + ACCOUNTS + " accounts (in place)", retune);
            row("hand edit: one account removed", removed);
            row("hand edit: that account listed again, applied", added);
            row("hand edit: that account listed again, until READY", readyAgain);
            row("`POST /mj/account/reload` after a hand edit of all " + ACCOUNTS + " accounts", reloadCall);
            row("`PUT /mj/account/{id}` (one key; read, edit, check, fsync, apply)", putCall);
            report.add("");
        }
        return report;
    }

    private void row(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(Double::compare);
        report.add("| " + what + " | " + String.format(Locale.ROOT, "%.0f", sorted.get(sorted.size() / 2)) + " | "
                + String.format(Locale.ROOT, "%.0f", sorted.get(sorted.size() - 1)) + " |");
    }

    private static void record(boolean recorded, List<Double> into, double millis) {
        if (recorded) {
            into.add(millis);
        }
    }

    /** Writes {@code text} as editors do and waits until the service applied it; milliseconds. */
    private static double handEdit(AdminApi admin, Path file, String text) throws Exception {
        String wanted = checksum(text);
        long start = System.nanoTime();
        writeLikeAnEditor(file, text);
        awaitApplied(admin, wanted);
        return (System.nanoTime() - start) / 1e6;
    }

    private static void writeLikeAnEditor(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".swp");
        Files.writeString(temporary, text);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void awaitApplied(AdminApi admin, String checksum) throws Exception {
        long deadline = System.nanoTime() + APPLY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = admin.get("/mj/account/reload-status").path("result");
            if (!status.path("lastError").isNull() && !status.path("lastError").isMissingNode()) {
                throw new IOException("the edit was refused: " + status.path("lastError").asString());
            }
            if (checksum.equals(status.path("appliedChecksum").asString())) {
                return;
            }
            Thread.sleep(2);
        }
        throw new IOException("the edit was not applied within " + APPLY_TIMEOUT);
    }

    private static void awaitReady(Stack stack, AdminApi admin, String id) throws Exception {
        Stack.await(id + " READY again", APPLY_TIMEOUT, stack.appProcess,
                () -> "READY".equals(admin.get("/mj/account/" + id + "/fetch").path("state").asString()));
    }

    private static void requireOk(JsonNode answer, String what) throws IOException {
        if (answer.path("code").asInt() != 1) {
            throw new IOException(what + " answered " + answer);
        }
    }

    /** The file with each entry's {@code queueSize} line followed by a {@code concurrency} line. */
    static String withConcurrency(String yaml, int concurrency) {
        return edited(yaml, line -> line.startsWith("    concurrency:") ? null : line,
                n -> "    concurrency: " + concurrency);
    }

    /** The file without its last entry. */
    static String withoutLast(String yaml) {
        int last = yaml.lastIndexOf("\n  - id: ");
        return yaml.substring(0, last + 1);
    }

    private static String edited(String yaml, UnaryOperator<String> keep, IntFunction<String> after) {
        StringBuilder out = new StringBuilder();
        int entry = 0;
        for (String line : yaml.split("\n", -1)) {
            String kept = keep.apply(line);
            if (kept == null) {
                continue;
            }
            out.append(kept).append('\n');
            if (kept.startsWith("    queueSize:")) {
                out.append(after.apply(entry++)).append('\n');
            }
        }
        return out.substring(0, out.length() - 1);
    }

    static String checksum(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The admin calls, each with the admin secret. */
    private static final class AdminApi {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;
        private final String secret;

        AdminApi(Api app, String secret) {
            this.base = app.base();
            this.secret = secret;
        }

        JsonNode get(String path) throws IOException, InterruptedException {
            return send(request(path).GET());
        }

        JsonNode post(String path, String body) throws IOException, InterruptedException {
            return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        JsonNode put(String path, String body) throws IOException, InterruptedException {
            return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path))
                    .header("mj-admin-secret", secret).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30));
        }

        private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<String> answer = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            return Api.JSON.readTree(answer.body());
        }
    }
}
