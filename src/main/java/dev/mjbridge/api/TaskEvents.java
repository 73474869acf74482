package dev.mjbridge.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import dev.mjbridge.task.Task;
import dev.mjbridge.task.TaskJson;
import dev.mjbridge.task.TaskListener;

/**
 * The hub of the live task streams: told of every task change by the task engine, it numbers the
 * change, keeps the last {@code mj.events.replay} of them for reconnecting clients, and hands it to
 * every open stream that wants it. Handing over only puts it into the stream's bounded buffer (never
 * waiting): writing happens on this hub's own writer threads, so a slow client slows nobody. Its clock
 * sends the heartbeats and watches the writes: a write that hangs longer than
 * {@code mj.events.write-timeout} gives its stream up and gets a stand-in writer thread, so a client that
 * reads nothing holds up no other stream.
 * <p>
 * Event ids start from the process's start time in microseconds, so an id from an earlier run of the
 * service is never taken for one of this run (it is older than anything kept and gets the current state).
 */
@Component
public final class TaskEvents implements TaskListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TaskEvents.class);

    private final EventsProperties settings;
    private final ArrayDeque<TaskEvent> replay = new ArrayDeque<>();
    private final Set<TaskEventStream> streams = ConcurrentHashMap.newKeySet();
    private final WriterPool writers;
    private final ScheduledExecutorService clock;
    private long lastId;

    public TaskEvents(EventsProperties settings) {
        this.settings = settings;
        this.lastId = System.currentTimeMillis() * 1000;
        this.writers = new WriterPool(settings.writerThreads());
        this.clock = Executors.newSingleThreadScheduledExecutor(clockThread());
        long beat = settings.heartbeat().toMillis();
        clock.scheduleAtFixedRate(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        // Looked at a few times per write timeout, so a stuck write is given up at most a quarter late.
        long watch = Math.max(10, Math.min(1000, settings.writeTimeout().toMillis() / 4));
        clock.scheduleAtFixedRate(this::giveUpStuckWrites, watch, watch, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onTaskChanged(Task task) {
        // Only the variant with the version's JSON is of use here; the task engine always calls that one.
    }

    @Override
    public void onTaskChanged(Task task, TaskJson json) {
        synchronized (this) {
            TaskEvent event = new TaskEvent(++lastId, json);
            if (settings.replay() > 0) {
                if (replay.size() == settings.replay()) {
                    replay.removeFirst();
                }
                replay.addLast(event);
            }
            for (TaskEventStream stream : streams) {
                stream.offer(event);
            }
        }
    }

    /** A task another instance of the cluster follows changed: its streams here get it like any change. */
    @Override
    public void onRemoteTaskChanged(Task task, TaskJson json) {
        onTaskChanged(task, json);
    }

    /**
     * Opens a stream, or empty when {@code mj.events.max-subscribers} are open. The stream gets every
     * change after the returned {@link Opened#since}; with a {@code lastEventId} still covered by the
     * replay buffer, also the changes it missed ({@link Opened#missed}, else null: send current states).
     */
    Optional<Opened> open(StreamInterest interest, Long lastEventId, TaskEventStream.Sink sink) {
        synchronized (this) {
            if (streams.size() >= settings.maxSubscribers()) {
                return Optional.empty();
            }
            TaskEventStream stream = new TaskEventStream(interest, settings.buffer(), writers, sink, this::closed);
            streams.add(stream);
            return Optional.of(new Opened(stream, lastId, missedSince(lastEventId, interest)));
        }
    }

    /** A new stream, the id of the last change told before it opened, and the replayed changes (or null). */
    record Opened(TaskEventStream stream, long since, List<TaskEvent> missed) {
    }

    /** Open streams (for tests and metrics). */
    int open() {
        return streams.size();
    }

    private List<TaskEvent> missedSince(Long lastEventId, StreamInterest interest) {
        if (lastEventId == null || lastEventId > lastId) {
            return null;
        }
        long oldestKept = replay.isEmpty() ? lastId + 1 : replay.peekFirst().id();
        if (lastEventId + 1 < oldestKept) {
            return null;
        }
        List<TaskEvent> missed = new ArrayList<>();
        for (TaskEvent event : replay) {
            if (event.id() > lastEventId && interest.wants(event.task())) {
                missed.add(event);
            }
        }
        return missed;
    }

    private void closed(TaskEventStream stream) {
        streams.remove(stream);
    }

    private void heartbeat() {
        for (TaskEventStream stream : streams) {
            stream.ping();
        }
    }

    /** A stuck stream stays counted (its connection is still open) until its hung write comes back. */
    private void giveUpStuckWrites() {
        long now = System.nanoTime();
        long limit = settings.writeTimeout().toNanos();
        for (TaskEventStream stream : streams) {
            if (stream.giveUpIfStuck(now, limit)) {
                writers.standIn();
                log.info("An event stream's client took nothing for {} (mj.events.write-timeout): the stream is given up, "
                        + "a stand-in thread writes to the others until the server's write timeout ends it",
                        settings.writeTimeout());
            }
        }
    }

    /** Threads the writers may run now: {@code mj.events.writer-threads} plus a stand-in per hung write (for tests). */
    int writerThreads() {
        return writers.size();
    }

    @Override
    public void close() {
        clock.shutdownNow();
        writers.shutdownNow();
        for (TaskEventStream stream : List.copyOf(streams)) {
            stream.end();
        }
    }

    /** A daemon thread {@code mj-events-clock-1}: an open stream never holds the JVM up. */
    private static ThreadFactory clockThread() {
        CustomizableThreadFactory thread = new CustomizableThreadFactory("mj-events-clock-");
        thread.setDaemon(true);
        return thread;
    }
}
