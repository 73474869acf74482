package dev.mjbridge.account;

import dev.mjbridge.midjourney.MjEvent;

/**
 * Where an account delivers what its gateway session heard, already parsed. The task
 * layer implements it; the account layer knows nothing of tasks.
 */
public interface AccountEventSink {

    void onEvent(Account account, MjEvent event);

    /** A fresh session is up (first connect, or after a replaced session). */
    default void onConnected(Account account) {
    }

    /** The session was replaced after a loss: events may be missing, reconcile from history. */
    default void onSessionReplaced(Account account) {
    }
}
