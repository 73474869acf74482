package dev.mjbridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real S3-compatible server for tests: Adobe's S3Mock, run from the executable jar the build
 * copies to {@code target/s3mock/s3mock.jar} (never on the test class path: it is a Spring Boot
 * application of its own). It runs in a separate JVM, the same Java the tests run on, on a free
 * loopback port over plain HTTP, with {@link #BUCKET} created at start. One server serves every
 * test class of the JVM ({@link #shared()}); it stops when the JVM exits. Its output goes to
 * {@code target/s3mock/s3mock-<port>.log}.
 */
public final class S3MockServer {

    /** The bucket that exists from the start. Tests keep apart by task id or prefix. */
    public static final String BUCKET = "mj-images";
    /** S3Mock checks no signature, but the SDK signs every request, so some keys are needed. */
    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key-never-logged";

    /** A Spring Boot start on two shared cores takes 10 to 30 seconds. */
    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private static S3MockServer shared;

    private final Process process;
    private final int port;

    private S3MockServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The JVM's server, started on first use. */
    public static synchronized S3MockServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "s3mock-stop"));
        }
        return shared;
    }

    /** The server's address, e.g. {@code http://127.0.0.1:41234}; buckets are reached path-style. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static S3MockServer start() {
        Path jar = Path.of(System.getProperty("s3mock.jar", "target/s3mock/s3mock.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the build copies it in generate-test-resources "
                    + "(run the tests through Maven, or mvn generate-test-resources once)");
        }
        int port = freePort();
        Path folder = jar.getParent();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--com.adobe.testing.s3mock.http-port=" + port,
                // The HTTPS connector cannot be turned off; a random port keeps it out of the way.
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                "--com.adobe.testing.s3mock.store.root=" + folder.resolve("data-" + port),
                "--spring.main.banner-mode=off");
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve("s3mock-" + port + ".log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start S3Mock from " + jar, e);
        }
        S3MockServer server = new S3MockServer(process, port);
        try {
            server.awaitAnswer();
        } catch (RuntimeException | Error e) {
            server.stop();
            throw e;
        }
        return server;
    }

    /** Ready once it lists its buckets, the initial one included (it is created on the first request). */
    private void awaitAnswer() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest list = HttpRequest.newBuilder(URI.create(endpoint() + "/")).timeout(Duration.ofSeconds(5)).build();
        Waits.await("S3Mock answering on " + endpoint(), START_LIMIT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("S3Mock exited with " + process.exitValue()
                                + "; see target/s3mock/s3mock-" + port + ".log");
                    }
                    try {
                        HttpResponse<String> answer = http.send(list, HttpResponse.BodyHandlers.ofString());
                        return answer.statusCode() == 200 && answer.body().contains("<Name>" + BUCKET + "</Name>");
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
