package dev.mjbridge.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * This instance as a member of a cluster, for the webhook outbox: the name its claims carry and the
 * cluster's lease ttl, by which a claim of a dead instance expires. Provided only with
 * {@code mj.cluster.enabled} (from the cluster's settings, by the one layer that sees both); without
 * it webhooks are delivered from memory.
 *
 * @param instanceId this instance's id in the cluster's registry
 * @param leaseTtl   the cluster's lease ttl
 */
public record OutboxMember(String instanceId, Duration leaseTtl) {

    public OutboxMember {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(leaseTtl, "leaseTtl");
    }

    /**
     * How long a claim of a row lasts: the lease ttl, plus the longest a post may take (twice the
     * webhook timeout: {@link WebhookSender} cuts off an answer then), so that a claim never expires
     * while its own post is still under way.
     */
    Duration claimTtl(NotifyProperties notify) {
        return leaseTtl.plus(notify.timeout().multipliedBy(2));
    }

    /**
     * How long after its claim a row may still start its post: a fifth of the ttl short of it (the
     * margin the leases keep too), so a claim taken before a long pause is not used after it.
     */
    Duration startWindow() {
        return leaseTtl.minus(leaseTtl.dividedBy(5));
    }
}
