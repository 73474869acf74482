package dev.mjbridge.task;

import java.util.Optional;

/**
 * The lease this process holds on an account, if it runs in a cluster: what a task sent from the
 * account is stamped with. A single instance holds no leases ({@link #NONE}).
 */
@FunctionalInterface
public interface AccountLeases {

    AccountLeases NONE = accountId -> Optional.empty();

    /** The stamp for a task sent now from {@code accountId}; empty outside a cluster or without a lease. */
    Optional<LeaseStamp> stampFor(String accountId);
}
