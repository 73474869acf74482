package dev.mjbridge.images;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * An {@link ImageStore} that times each operation of the store it wraps ({@code mj.images.store},
 * tags {@code operation}: put, open, exists, delete, link; {@code outcome}: ok or error). An error is
 * an exception thrown, passed on unchanged. Keys and bucket names are never tags.
 */
final class MeteredImageStore implements ImageStore, AutoCloseable {

    private enum Operation { PUT, OPEN, EXISTS, DELETE, LINK }

    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(5)};

    private final ImageStore store;
    private final Map<Operation, Timer> ok = new EnumMap<>(Operation.class);
    private final Map<Operation, Timer> failed = new EnumMap<>(Operation.class);

    MeteredImageStore(ImageStore store, MeterRegistry registry) {
        this.store = store;
        for (Operation operation : Operation.values()) {
            ok.put(operation, timer(registry, operation, "ok"));
            failed.put(operation, timer(registry, operation, "error"));
        }
    }

    private static Timer timer(MeterRegistry registry, Operation operation, String outcome) {
        return Timer.builder("mj.images.store")
                .description("Image store operations by operation and outcome")
                .tag("operation", operation.name().toLowerCase(Locale.ROOT))
                .tag("outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    @FunctionalInterface
    private interface StoreCall<T> {
        T call() throws IOException;
    }

    private <T> T timed(Operation operation, StoreCall<T> call) throws IOException {
        long start = System.nanoTime();
        try {
            T result = call.call();
            ok.get(operation).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (IOException | RuntimeException e) {
            failed.get(operation).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            throw e;
        }
    }

    @Override
    public ImageInfo put(ImageKey key, InputStream content) throws IOException {
        return timed(Operation.PUT, () -> store.put(key, content));
    }

    @Override
    public Optional<StoredImage> open(ImageKey key) throws IOException {
        return timed(Operation.OPEN, () -> store.open(key));
    }

    @Override
    public boolean exists(ImageKey key) {
        long start = System.nanoTime();
        try {
            boolean there = store.exists(key);
            ok.get(Operation.EXISTS).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return there;
        } catch (RuntimeException e) {
            failed.get(Operation.EXISTS).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            throw e;
        }
    }

    @Override
    public boolean delete(ImageKey key) throws IOException {
        return timed(Operation.DELETE, () -> store.delete(key));
    }

    @Override
    public Optional<String> publicUrl(ImageKey key) {
        return store.publicUrl(key);
    }

    @Override
    public Optional<TemporaryLink> temporaryLink(ImageKey key) throws IOException {
        return timed(Operation.LINK, () -> store.temporaryLink(key));
    }

    @Override
    public void close() throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
