package dev.mjbridge.task;

import dev.mjbridge.account.Account;
import dev.mjbridge.account.AccountPool;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Seeds: Midjourney tells a job's seed by DM after a ✉️ reaction on the job's message.
 * One request per job hash is outstanding at a time; the answer is stored on the task.
 */
final class SeedRequests {

    static final String SEED = "seed";
    private static final String ENVELOPE = "✉️";

    private final AccountPool pool;
    private final TaskWriter writer;
    private final Duration timeout;
    private final Map<String, CompletableFuture<String>> pendingByHash = new ConcurrentHashMap<>();

    SeedRequests(AccountPool pool, TaskWriter writer, Duration timeout) {
        this.pool = pool;
        this.writer = writer;
        this.timeout = timeout;
    }

    /** How long a seed request waits for Midjourney's DM before it fails. */
    Duration timeout() {
        return timeout;
    }

    CompletableFuture<String> seedOf(Task task) {
        Object known = task.properties().extraValue(SEED);
        if (known != null) {
            return CompletableFuture.completedFuture(known.toString());
        }
        if (task.status() != TaskStatus.SUCCESS || task.properties().messageHash() == null
                || task.properties().messageId() == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "task " + task.id() + " has no finished image to read a seed from (status " + task.status() + ")"));
        }
        Account account = pool.find(task.accountId()).orElse(null);
        if (account == null || !account.takesWork()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "the account that ran task " + task.id() + " is not available"));
        }
        String hash = task.properties().messageHash();
        CompletableFuture<String> created = new CompletableFuture<>();
        CompletableFuture<String> pending = pendingByHash.putIfAbsent(hash, created);
        if (pending != null) {
            return pending;
        }
        created.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((seed, error) -> {
            pendingByHash.remove(hash, created);
            if (seed != null) {
                writer.changeFinished(task.id(), t -> t.withProperties(t.properties().withExtra(SEED, seed)));
            }
        });
        String channelId = task.properties().discordChannelId() != null
                ? task.properties().discordChannelId() : account.config().channelId();
        account.rest().addReaction(channelId, task.properties().messageId(), ENVELOPE).whenComplete((ok, error) -> {
            if (error != null) {
                created.completeExceptionally(new IllegalStateException("Discord refused the ✉️ reaction: "
                        + JobRunner.reasonOf(error)));
            }
        });
        return created.exceptionallyCompose(error -> CompletableFuture.failedFuture(
                error instanceof java.util.concurrent.TimeoutException
                        ? new IllegalStateException("Midjourney did not send the seed within " + timeout.toSeconds() + " s")
                        : error));
    }

    /** A seed DM arrived. */
    void answered(String jobHash, String seed) {
        CompletableFuture<String> pending = pendingByHash.get(jobHash);
        if (pending != null) {
            pending.complete(seed);
        }
    }
}
