package dev.mjbridge.task;

import java.util.Set;

/**
 * What the task engine knows of the other instances of a cluster: which accounts they connect now.
 * A task that none of this instance's accounts can start waits in the cluster's shared queue
 * ({@link ClusterQueue}) when an account held elsewhere could take it. A single instance is not
 * clustered ({@link #NONE}): its tasks queue on its own accounts as always.
 */
public interface ClusterAccounts {

    ClusterAccounts NONE = new ClusterAccounts() {
        @Override
        public boolean clustered() {
            return false;
        }

        @Override
        public Set<String> heldElsewhere() {
            return Set.of();
        }
    };

    /** True when this process is one instance of a cluster. */
    boolean clustered();

    /** Tells the other instances that a task was added to the shared queue, so they look at it now. */
    default void taskQueued() {
    }

    /**
     * The accounts other live instances hold a lease on and take work with (not draining), as of their
     * last renewal round: a few seconds old at most.
     */
    Set<String> heldElsewhere();
}
