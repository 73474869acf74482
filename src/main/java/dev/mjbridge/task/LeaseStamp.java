package dev.mjbridge.task;

/**
 * Who sent a task, in a cluster: the instance holding its account's lease and that lease's epoch
 * when the task went out. The store refuses a later write of the task carrying an older epoch of
 * the same account (the instance lost the lease; another one follows the task now). Null on every
 * task of a single instance.
 *
 * @param instanceId the instance that sent the task
 * @param epoch      the fencing epoch of the account's lease at that moment
 */
public record LeaseStamp(String instanceId, long epoch) {

    public LeaseStamp {
        if (instanceId == null || instanceId.isBlank()) {
            throw new IllegalArgumentException("a lease stamp names its instance");
        }
    }
}
