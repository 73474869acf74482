package dev.mjbridge.account;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Appends dispatches to daily JSONL files {@code mj-capture-YYYY-MM-DD.jsonl} (UTC) in one directory,
 * one object per line: {@code {"received": iso-time, "account": id, "t": type, "d": payload}}.
 *
 * <p>{@link #append} is called on gateway threads and only queues: the writing happens on one
 * daemon thread of its own. A full queue drops the line (counted, logged) rather than stall a
 * session, and an I/O error is logged once and the writer carries on with the next line.
 *
 * <p>Only Discord's payload is written, which holds no credential. As a second line of defence,
 * fields named like a credential ({@code token}, {@code authorization}, ...) are removed at any
 * depth, and a line that still contains one of the {@code secrets} (the accounts' tokens, given at
 * construction and by {@link #protect} for accounts added later) is not written at all.
 */
public final class CaptureWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CaptureWriter.class);
    private static final int QUEUE_CAPACITY = 10_000;
    private static final Set<String> SECRET_FIELDS = Set.of("token", "access_token", "authorization", "password");

    private record Entry(Instant received, String accountId, String type, JsonNode payload) {
    }

    private final Path dir;
    private final Clock clock;
    private final JsonMapper json;
    /** Read by the writer thread, added to by live edits of the pool. */
    private final Set<String> secrets = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    /** Queued or being written. */
    private final AtomicLong pending = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;
    /** Writer-thread state only. */
    private LocalDate openDay;
    private BufferedWriter out;
    private boolean failing;

    /**
     * @param dir     the capture directory; created when missing
     * @param secrets strings that must never reach a file (the accounts' tokens)
     */
    public CaptureWriter(Path dir, Clock clock, JsonMapper json, Set<String> secrets) {
        this.dir = dir;
        this.clock = clock;
        this.json = json;
        secrets.forEach(this::protect);
        this.thread = new Thread(this::run, "mj-capture");
        this.thread.setDaemon(true);
        this.thread.start();
        log.info("capturing Midjourney dispatches to {} (mj.discord.capture-dir)", dir.toAbsolutePath());
    }

    /** Never writes a line containing {@code secret} (a token of an account added while running); null is ignored. */
    public void protect(String secret) {
        if (secret != null && !secret.isBlank()) {
            secrets.add(secret);
        }
    }

    /** The file of one UTC day. */
    public static String fileName(LocalDate day) {
        return "mj-capture-" + day + ".jsonl";
    }

    /** Queues one dispatch; never blocks and never throws. */
    public void append(String accountId, String type, JsonNode payload) {
        if (closed || payload == null) {
            return;
        }
        pending.incrementAndGet();
        if (!queue.offer(new Entry(clock.instant(), accountId, type, payload))) {
            pending.decrementAndGet();
            long lost = dropped.incrementAndGet();
            if (lost == 1 || lost % 1000 == 0) {
                log.warn("capture: the writer is behind, {} dispatch(es) not captured so far", lost);
            }
        }
    }

    /** Lines written so far. */
    public long written() {
        return written.get();
    }

    /** Lines lost because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Waits until everything queued so far is written (or {@code timeoutMillis} passed); for tests and shutdown. */
    public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (this) {
            while (pending.get() > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                wait(left);
            }
        }
        return true;
    }

    @Override
    public void close() {
        closed = true;
        try {
            awaitIdle(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Entry entry = queue.take();
                try {
                    write(entry);
                } finally {
                    pending.decrementAndGet();
                    synchronized (this) {
                        notifyAll();
                    }
                }
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        } finally {
            closeFile();
        }
    }

    private void write(Entry entry) {
        String line;
        try {
            line = line(entry);
        } catch (RuntimeException unexpected) {
            log.warn("capture: could not serialise a {} dispatch: {}", entry.type(), unexpected.toString());
            return;
        }
        for (String secret : secrets) {
            if (!secret.isEmpty() && line.contains(secret)) {
                log.warn("capture: a {} dispatch of account {} contained a credential and was not written",
                        entry.type(), entry.accountId());
                return;
            }
        }
        try {
            writerFor(LocalDate.ofInstant(entry.received(), ZoneOffset.UTC)).write(line);
            out.newLine();
            out.flush();
            written.incrementAndGet();
            if (failing) {
                failing = false;
                log.info("capture: writing to {} works again", dir);
            }
        } catch (IOException | RuntimeException e) {
            closeFile();
            if (!failing) {
                failing = true;
                // Once per failure streak: a full disk must not flood the log nor stop the session.
                log.warn("capture: cannot write to {} ({}); dispatches are not captured until it works again",
                        dir, e.toString());
            }
        }
    }

    private String line(Entry entry) {
        ObjectNode line = json.createObjectNode();
        line.put("received", entry.received().toString());
        line.put("account", entry.accountId());
        line.put("t", entry.type());
        JsonNode payload = entry.payload().deepCopy();
        removeSecretFields(payload);
        line.set("d", payload);
        return json.writeValueAsString(line);
    }

    private static void removeSecretFields(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.properties().forEach(field -> names.add(field.getKey()));
            for (String name : names) {
                if (SECRET_FIELDS.contains(name.toLowerCase(Locale.ROOT))) {
                    object.remove(name);
                } else {
                    removeSecretFields(object.get(name));
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(CaptureWriter::removeSecretFields);
        }
    }

    private BufferedWriter writerFor(LocalDate day) throws IOException {
        if (out == null || !day.equals(openDay)) {
            closeFile();
            Files.createDirectories(dir);
            out = Files.newBufferedWriter(dir.resolve(fileName(day)), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            openDay = day;
        }
        return out;
    }

    private void closeFile() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // Nothing more to lose: the next line opens the file again.
            }
            out = null;
            openDay = null;
        }
    }
}
