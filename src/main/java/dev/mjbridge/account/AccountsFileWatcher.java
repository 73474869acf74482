package dev.mjbridge.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Notices edits of accounts.yml and has {@link PoolReloader} check the file. Two ways, because
 * either alone misses some: a {@link WatchService} on the file's folder (any entry: editors
 * write a temporary file and rename it, Kubernetes swaps a symlinked folder), whose bursts are
 * debounced into one check; and a periodic check of the checksum ({@code mj.accounts.reload-check}),
 * for mounts where no event arrives. An unchanged checksum costs a read and nothing else.
 */
public final class AccountsFileWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AccountsFileWatcher.class);
    /** Editors write in steps (truncate, write, rename); one check once they are done. */
    static final Duration DEBOUNCE = Duration.ofMillis(300);

    private final PoolReloader reloader;
    private final Path file;
    private final Duration every;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mj-accounts-check");
        thread.setDaemon(true);
        return thread;
    });
    private WatchService watch;
    private Thread watchThread;
    private ScheduledFuture<?> pending;

    public AccountsFileWatcher(PoolReloader reloader, Path file, Duration every) {
        this.reloader = reloader;
        this.file = file;
        this.every = every;
    }

    public synchronized void start() {
        if (file == null) {
            return;
        }
        checks.scheduleWithFixedDelay(reloader::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        Path folder = file.toAbsolutePath().getParent();
        try {
            watch = FileSystems.getDefault().newWatchService();
            folder.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException | RuntimeException e) {
            log.warn("accounts file {}: cannot watch its folder ({}); checking it every {} instead", file,
                    e.getMessage(), every);
            return;
        }
        watchThread = new Thread(this::watchLoop, "mj-accounts-watch");
        watchThread.setDaemon(true);
        watchThread.start();
        log.info("accounts file {}: watched for edits, and checked every {}", file.toAbsolutePath(), every);
    }

    private void watchLoop() {
        try {
            while (true) {
                WatchKey key = watch.take();
                key.pollEvents();
                checkSoon();
                if (!key.reset()) {
                    log.warn("accounts file {}: its folder can no longer be watched; checked every {} only", file, every);
                    return;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    /** One check {@link #DEBOUNCE} after the last event of a burst. */
    private synchronized void checkSoon() {
        if (pending != null) {
            pending.cancel(false);
        }
        if (!checks.isShutdown()) {
            pending = checks.schedule(reloader::check, DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void close() {
        checks.shutdownNow();
        if (watch != null) {
            try {
                watch.close();
            } catch (IOException e) {
                log.debug("closing the watch of {}: {}", file, e.getMessage());
            }
        }
    }
}
