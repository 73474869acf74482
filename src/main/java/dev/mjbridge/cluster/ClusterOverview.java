package dev.mjbridge.cluster;

import java.util.List;

/**
 * The answer of {@code GET /mj/cluster}: who is in the cluster and who holds which account, as
 * the database sees it now. Instance addresses and account ids only, never a secret.
 *
 * @param enabled    false: this instance runs alone and connects every account (the rest is empty)
 * @param instanceId this instance
 * @param leaseTtlMillis {@code mj.cluster.lease-ttl}
 * @param draining   this instance is draining: it hands its accounts over and takes no new work
 * @param queued     unfinished tasks not sent yet (status NOT_START) in the shared task table
 * @param waitingForAnAccount those of them that wait with no account (no instance could place them yet)
 * @param instances  the live instances, by id
 * @param leases     every lease row, by account
 * @param error      why the database could not be read (the lists are then empty), else null
 */
public record ClusterOverview(boolean enabled, String instanceId, Long leaseTtlMillis, boolean draining,
                              Long queued, Long waitingForAnAccount, List<InstanceRow> instances,
                              List<LeaseRow> leases, String error) {

    /**
     * @param lastHeartbeat       ISO instant of the last heartbeat (the database's clock)
     * @param heartbeatAgeMillis  how long ago, by the database's clock
     * @param accountsHeld        the accounts it holds a valid lease on
     */
    public record InstanceRow(String id, String address, Integer port, String startedAt, String lastHeartbeat,
                              long heartbeatAgeMillis, boolean draining, List<String> accountsHeld) {
    }

    /**
     * @param owner           null when released
     * @param expiresInMillis negative when expired (free to claim)
     */
    public record LeaseRow(String accountId, String owner, long epoch, long expiresInMillis) {
    }

    /** The cluster is off: this instance connects every account of accounts.yml. */
    public static ClusterOverview disabled() {
        return new ClusterOverview(false, null, null, false, null, null, List.of(), List.of(), null);
    }
}
