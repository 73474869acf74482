package dev.mjbridge.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a load with wrk (github.com/wg/wrk) when it is on the PATH: a warm-up run, then the measured
 * run with {@code --latency}, two threads (one per core of the reference machine). wrk counts only
 * non-2xx answers as errors; bodies are not checked, so the Java driver is used where a body must
 * be checked or the request count bounded.
 */
final class WrkLoad {

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s|m)\\s*$");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private WrkLoad() {
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(5, TimeUnit.SECONDS);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static LoadResult run(URI base, LoadSpec spec, Path workDir) throws IOException, InterruptedException {
        Path script = workDir.resolve("wrk-" + spec.name().replaceAll("[^a-z0-9]+", "-") + ".lua");
        StringBuilder lua = new StringBuilder("wrk.method = \"" + spec.method() + "\"\n");
        if (spec.body() != null) {
            lua.append("wrk.body = ").append(luaString(spec.body())).append('\n')
                    .append("wrk.headers[\"Content-Type\"] = \"application/json\"\n");
        }
        Files.writeString(script, lua.toString());
        String url = base.toString().replaceAll("/$", "") + spec.path();
        int threads = Math.min(2, spec.connections());
        if (!spec.warmUp().isZero()) {
            wrk(threads, spec.connections(), spec.warmUp().toSeconds(), script, url);
        }
        return parse(wrk(threads, spec.connections(), Math.max(1, spec.duration().toSeconds()), script, url));
    }

    /** Reads wrk's report (with {@code --latency}): requests, duration, p50, p99, errors. */
    static LoadResult parse(String out) throws IOException {
        Matcher m = REQUESTS.matcher(out);
        if (!m.find()) {
            throw new IOException("unexpected wrk output:\n" + out);
        }
        long requests = Long.parseLong(m.group(1));
        double seconds = millis(Double.parseDouble(m.group(2)), m.group(3)) / 1000;
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        for (String line : out.split("\n")) {
            Matcher p = PERCENTILE.matcher(line);
            if (p.matches()) {
                double v = millis(Double.parseDouble(p.group(2)), p.group(3));
                if (p.group(1).equals("50")) {
                    p50 = v;
                } else {
                    p99 = v;
                }
            }
        }
        long failures = 0;
        Matcher n = NON_2XX.matcher(out);
        if (n.find()) {
            failures += Long.parseLong(n.group(1));
        }
        Matcher s = SOCKET_ERRORS.matcher(out);
        if (s.find()) {
            for (int g = 1; g <= 4; g++) {
                failures += Long.parseLong(s.group(g));
            }
        }
        return new LoadResult("wrk", requests - failures, failures, seconds, p50, p99);
    }

    private static String wrk(int threads, int connections, long seconds, Path script, String url)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--latency", "-s", script.toString(), url));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds + 30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("wrk did not end");
        }
        return out;
    }

    private static double millis(double value, String unit) {
        return switch (unit) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            case "m" -> value * 60_000;
            default -> value;
        };
    }

    private static String luaString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
