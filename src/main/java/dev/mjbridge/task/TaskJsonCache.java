package dev.mjbridge.task;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectWriter;

/**
 * The task JSON the read endpoints answer with, serialized once per task version instead of
 * once per request, fed only by {@link TaskWriter} (every version it writes passes through
 * here). Two tiers:
 * <ul>
 * <li><b>unsettled</b>: the newest version of each task whose store write has not finished
 * yet. It is put here inside the in-flight index's per-task lock, i.e. before or with the
 * moment the version becomes visible anywhere else, and leaves once stored. Unbounded, but
 * it only holds tasks being written (and tasks whose store write failed: memory is then
 * the newest truth).</li>
 * <li><b>settled</b>: stored versions, bounded by {@code maxBytes} of JSON (Caffeine, weighed
 * by size). Versions only move forward: an older version never replaces a newer one.</li>
 * </ul>
 * A task in neither tier is read from the store by {@link TaskReads}. The store may lag
 * memory (the write happens after the version is visible), so {@link #stamp} lets a reader
 * see whether a version settled, and may have been evicted, while it read the store.
 * <p>
 * Only a cache: nothing here survives a restart, and nothing needs to.
 */
public final class TaskJsonCache {

    /** Default bound of the settled tier; a finished task's JSON is about 2-4 KB. */
    public static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;
    private static final int STRIPES = 1024;

    private final ObjectWriter writer;
    private final AtomicLong versions = new AtomicLong();
    private final ConcurrentMap<String, TaskJson> unsettled = new ConcurrentHashMap<>();
    private final Cache<String, TaskJson> settled;
    /** Per stripe of task ids: how many versions settled. Incremented before the settled tier changes. */
    private final AtomicLongArray settledCounts = new AtomicLongArray(STRIPES);

    /**
     * @param json     the mapper the REST layer writes responses with, so the bytes are what it would write
     * @param maxBytes bound of the settled tier, in bytes of JSON (0 keeps nothing settled)
     */
    public TaskJsonCache(ObjectMapper json, long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("the task JSON cache size must be 0 or more bytes, got " + maxBytes);
        }
        this.writer = json.writerFor(Task.class);
        this.settled = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .<String, TaskJson>weigher((id, entry) -> entry.weight())
                // Eviction work on the calling thread: cheap, and no pool thread to keep.
                .executor(Runnable::run)
                .build();
    }

    /**
     * A new version of {@code task} was made; call it under the task's lock (in-flight index
     * update), or before the task is visible at all (create, adopt), so versions of one task
     * arrive here in order.
     */
    TaskJson written(Task task) {
        TaskJson entry = serialize(task, versions.incrementAndGet());
        unsettled.put(task.id(), entry);
        return entry;
    }

    /** The store holds {@code entry} now: it moves to the settled tier (unless a newer version is there). */
    void stored(TaskJson entry) {
        String id = entry.id();
        // Counted before the settled tier changes and before the entry leaves the unsettled tier,
        // so a reader that misses it in both sees the count move.
        settledCounts.incrementAndGet(stripe(id));
        TaskJson kept = entry.isFinal() ? entry.withoutTask() : entry;
        settled.asMap().merge(id, kept, (old, given) -> given.version() > old.version() ? given : old);
        unsettled.computeIfPresent(id, (key, current) -> current == entry ? null : current);
    }

    /** The newest version of the task if its store write is still under way (or failed). */
    TaskJson unsettled(String id) {
        return unsettled.get(id);
    }

    /** The settled version of a task in flight if it is exactly {@code current}, else null. */
    TaskJson settledInFlight(String id, Task current) {
        TaskJson entry = settled.getIfPresent(id);
        return entry != null && entry.current() == current ? entry : null;
    }

    /**
     * The settled final version, null when not cached. Non-final versions are not trusted for a
     * task that is not in flight: they may be a leftover of a version evicted before its final one.
     */
    TaskJson settledFinal(String id) {
        TaskJson entry = settled.getIfPresent(id);
        return entry != null && entry.isFinal() ? entry : null;
    }

    /** Read before reading the store; a different value afterwards means a version settled meanwhile. */
    long stamp(String id) {
        return settledCounts.get(stripe(id));
    }

    /** The newest version number handed out: a version written after this call is larger. */
    long versionNow() {
        return versions.get();
    }

    /**
     * A task read from the store, taken at {@code stamp} and {@code versionAtStart} (both read before
     * the store was): a final one is cached, unless a version settled since (then the caller reads again).
     */
    TaskJson loaded(Task task, long stamp, long versionAtStart) {
        TaskJson entry = serialize(task, versionAtStart);
        if (!entry.isFinal()) {
            return entry;
        }
        TaskJson kept = entry.withoutTask();
        int stripe = stripe(task.id());
        settled.asMap().compute(task.id(), (id, current) -> {
            if (settledCounts.get(stripe) != stamp) {
                return current;
            }
            return current != null && current.version() > kept.version() ? current : kept;
        });
        return kept;
    }

    /**
     * A version another instance of a cluster wrote, read from the store, as a new version here: it
     * gets a number of its own, larger than any before, so a stream that sent an earlier one sends it.
     * A final one is settled (it never changes but for a later seed, which comes as a newer version);
     * one in flight is not kept, so no reader is ever answered it once it is stale.
     */
    TaskJson remote(Task task) {
        TaskJson entry = serialize(task, versions.incrementAndGet());
        if (entry.isFinal()) {
            TaskJson kept = entry.withoutTask();
            settledCounts.incrementAndGet(stripe(task.id()));
            settled.asMap().merge(task.id(), kept, (old, given) -> given.version() > old.version() ? given : old);
            return kept;
        }
        return entry;
    }

    /** The JSON of a task version not cached (e.g. an in-flight task whose cached version was evicted). */
    TaskJson serialize(Task task) {
        return serialize(task, versions.get());
    }

    private TaskJson serialize(Task task, long version) {
        return new TaskJson(task.id(), version, task.status(), task.status().isFinal() ? null : task,
                writer.writeValueAsBytes(task));
    }

    /** Bytes of JSON held in the settled tier (an estimate between maintenance runs). */
    long settledBytes() {
        settled.cleanUp();
        return settled.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    /** Drops the settled version as an eviction would (tests: an eviction at a chosen moment). */
    void evict(String id) {
        settled.invalidate(id);
    }

    long settledCount() {
        settled.cleanUp();
        return settled.estimatedSize();
    }

    int unsettledCount() {
        return unsettled.size();
    }

    private static int stripe(String id) {
        int h = id.hashCode();
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }
}
