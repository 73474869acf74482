package dev.mjbridge.account;

/** How the pool picks among eligible accounts with room. */
public enum SelectionStrategy {
    /** The least loaded account (running + queued relative to its concurrency); idle ones first. */
    BEST_WAIT_IDLE,
    /** Each eligible account in turn. */
    ROUND_ROBIN,
    /** At random, in proportion to each account's weight. */
    WEIGHTED
}
