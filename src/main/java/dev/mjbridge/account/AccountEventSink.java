package dev.mjbridge.account;

import dev.mjbridge.midjourney.MjEvent;

/**
 * Where an account delivers what its gateway session heard, already parsed. The task
 * layer implements it; the account layer knows nothing of tasks.
 */
public interface AccountEventSink {

    void onEvent(Account account, MjEvent event);

    /** The session was replaced after a loss: events may be missing, reconcile from history. */
    default void onSessionReplaced(Account account) {
    }
}
