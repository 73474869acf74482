package dev.mjbridge.account;

import java.util.List;

/**
 * Where an account leaving the pool hands the tasks still waiting in its queue: the task layer
 * implements it (placing them on other accounts, or failing them), the account layer knows no
 * tasks, only their ids.
 */
@FunctionalInterface
public interface QueuedWorkHandover {

    /**
     * @param leaving       the account that takes no more work; its running tasks stay with it
     * @param queuedTaskIds the tasks that waited for a slot there, oldest first
     * @param successor     the account replacing it under the same id (its settings changed so that
     *                      it needed a new session), or null when it was removed
     */
    void handOver(Account leaving, List<String> queuedTaskIds, Account successor);
}
