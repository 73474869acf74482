package dev.mjbridge.images;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Whether the image store works, from the outcome of the last attempt to write to it: a real
 * picture (the caller reports it with {@link #recordSuccess()} / {@link #recordFailure(String)})
 * or a probe. One probe runs at start, so a store that cannot be written shows at once rather
 * than after the first finished task; while the store is down a probe runs every
 * {@code mj.images.health-probe-interval}, so it shows as up again once repaired, without waiting
 * for a new task.
 * <p>
 * The probe writes and deletes {@link #PROBE_KEY}. Task ids are 16-digit timestamps, so task
 * {@code 0} is never a real task and the probe cannot touch a real picture; the index never
 * records it, so retention never sees it.
 * <p>
 * The reason of a failure is shown by {@code GET /actuator/health} to anyone: it must name what
 * failed (an exception type, a folder), never a credential.
 */
public final class ImageStoreHealth implements SmartLifecycle {

    /** The probe file: task {@code 0} is reserved for it (see above). */
    public static final ImageKey PROBE_KEY = new ImageKey("0", "probe.png");
    /** A reason longer than this is cut: it is a hint for an operator, not a stack trace. */
    static final int MAX_REASON_LENGTH = 300;

    private static final Logger log = LoggerFactory.getLogger(ImageStoreHealth.class);
    /** One byte: the smallest file that still goes through a real write, and within any size cap (at least 1B). */
    private static final byte[] PROBE_BYTES = {0};

    private final ImageStore store;
    private final Duration probeInterval;
    private final Object lifecycle = new Object();
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> probing;
    private volatile Optional<String> failure = Optional.empty();

    public ImageStoreHealth(ImageStore store, Duration probeInterval) {
        this.store = store;
        this.probeInterval = probeInterval;
    }

    /** The last write to the store worked: it is up, and probing stops. */
    public void recordSuccess() {
        synchronized (lifecycle) {
            if (failure.isPresent()) {
                log.info("the image store works again");
            }
            failure = Optional.empty();
            if (probing != null) {
                probing.cancel(false);
                probing = null;
            }
        }
    }

    /**
     * The last write to the store failed for {@code reason} (shown publicly: no credentials): it is
     * down until a later write or probe works.
     */
    public void recordFailure(String reason) {
        String shown = reason == null || reason.isBlank() ? "the store could not be written" : reason.strip();
        if (shown.length() > MAX_REASON_LENGTH) {
            shown = shown.substring(0, MAX_REASON_LENGTH) + "...";
        }
        synchronized (lifecycle) {
            if (failure.isEmpty()) {
                log.warn("the image store is down: {}", shown);
            }
            failure = Optional.of(shown);
            if (probing == null && scheduler != null) {
                long every = probeInterval.toMillis();
                probing = scheduler.scheduleWithFixedDelay(this::probe, every, every, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Why the store is down; empty while it is up (or nothing was tried yet). */
    public Optional<String> failure() {
        return failure;
    }

    /** Writes and deletes the probe file and records how that went; answers whether it worked. */
    public boolean probe() {
        try {
            store.put(PROBE_KEY, new ByteArrayInputStream(PROBE_BYTES));
            store.delete(PROBE_KEY);
        } catch (IOException | RuntimeException e) {
            recordFailure("writing a probe file failed: " + e);
            return false;
        }
        recordSuccess();
        return true;
    }

    /** Starts the probe thread and probes once. */
    @Override
    public void start() {
        synchronized (lifecycle) {
            if (scheduler != null) {
                return;
            }
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "image-store-probe");
                thread.setDaemon(true);
                return thread;
            });
            scheduler.execute(this::probe);
        }
    }

    @Override
    public void stop() {
        synchronized (lifecycle) {
            if (scheduler != null) {
                // No interrupt: a probe in progress finishes (its thread is a daemon and holds up no exit).
                scheduler.shutdown();
                scheduler = null;
                probing = null;
            }
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (lifecycle) {
            return scheduler != null;
        }
    }
}
