package dev.mjbridge.task;

import dev.mjbridge.account.Account;
import dev.mjbridge.account.AccountConfig;
import dev.mjbridge.account.AccountPool;

import java.time.Duration;

/**
 * Fails tasks that Discord went silent on: a task sent to Discord (or waiting in a
 * modal it holds a slot for) that hears nothing for its account's
 * {@code timeoutMinutes} fails with that reason instead of hanging forever. Queued
 * tasks are not timed: they have not been sent yet.
 */
final class TaskTimeouts implements Runnable {

    private final InFlightIndex index;
    private final TaskWriter writer;
    private final AccountPool pool;

    TaskTimeouts(InFlightIndex index, TaskWriter writer, AccountPool pool) {
        this.index = index;
        this.writer = writer;
        this.pool = pool;
    }

    @Override
    public void run() {
        long now = System.currentTimeMillis();
        for (Task task : index.snapshot()) {
            if (task.status() == TaskStatus.NOT_START || task.status().isFinal() || task.internal().held() != null) {
                continue; // not sent yet, done, or Midjourney's job is over and its picture is being kept
            }
            if (task.status() == TaskStatus.MODAL && task.properties().nonce() == null) {
                continue; // waiting for the client, nothing sent and no slot held
            }
            int minutes = pool.find(task.accountId()).map(Account::config).map(AccountConfig::timeoutMinutes)
                    .orElse(AccountConfig.DEFAULT_TIMEOUT_MINUTES);
            long silentFor = now - writer.lastActivity(task.id()).orElse(now);
            if (silentFor >= Duration.ofMinutes(minutes).toMillis()) {
                writer.apply(task.id(), new TaskUpdate.Failed("Timed out: no answer from Midjourney for "
                        + minutes + " minute" + (minutes == 1 ? "" : "s")));
            }
        }
    }
}
