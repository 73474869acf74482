package dev.mjbridge.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.mjbridge.config.InvalidSettingException;
import dev.mjbridge.config.SettingChecks;

/**
 * {@code mj.cluster.*}: several instances sharing one PostgreSQL and one accounts.yml, each
 * connecting the accounts it holds a lease on (docs/cluster.md).
 *
 * @param enabled       off by default: a single instance connects every account and touches no
 *                      cluster table
 * @param instanceId    this instance's name in the registry; default the host name and a random
 *                      suffix, so a restarted process is a new instance
 * @param leaseTtl      how long a lease lasts without renewal: an account of a dead instance is
 *                      free again after it
 * @param renewInterval how often the leases are renewed and the shares looked at; at most half the
 *                      ttl, so one late round does not lose a lease; default a third of it
 * @param drainTimeout  how long a draining instance (shutting down, or {@code POST /mj/cluster/drain}) lets
 *                      its running jobs end before it stops the rest and releases their accounts; 0 stops
 *                      them at once
 */
@ConfigurationProperties("mj.cluster")
public record ClusterProperties(boolean enabled, String instanceId, Duration leaseTtl, Duration renewInterval,
                                Duration drainTimeout) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public ClusterProperties {
        if (instanceId == null || instanceId.isBlank()) {
            instanceId = defaultInstanceId();
        } else if (!ID.matcher(instanceId).matches()) {
            throw new InvalidSettingException("mj.cluster.instance-id",
                    "1 to 64 letters, digits, '.', '_' or '-', got '" + instanceId + "'");
        }
        leaseTtl = SettingChecks.positive("mj.cluster.lease-ttl", leaseTtl, Duration.ofSeconds(15));
        if (leaseTtl.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new InvalidSettingException("mj.cluster.lease-ttl", "must be at least 1s, got " + leaseTtl);
        }
        renewInterval = SettingChecks.positive("mj.cluster.renew-interval", renewInterval, leaseTtl.dividedBy(3));
        if (renewInterval.multipliedBy(2).compareTo(leaseTtl) > 0) {
            throw new InvalidSettingException("mj.cluster.renew-interval",
                    "must be at most half of mj.cluster.lease-ttl (" + leaseTtl + "), got " + renewInterval);
        }
        if (drainTimeout == null) {
            drainTimeout = Duration.ofSeconds(60);
        } else if (drainTimeout.isNegative()) {
            throw new InvalidSettingException("mj.cluster.drain-timeout", "must be 0 or more, got " + drainTimeout);
        }
    }

    /** Off, with a generated instance id. */
    public static ClusterProperties defaults() {
        return new ClusterProperties(false, null, null, null, null);
    }

    /**
     * How long before the database's expiry this instance's own deadline falls: the time to stop
     * a session, and room for a slow renewal answer. A fifth of the ttl.
     */
    public Duration safetyMargin() {
        return leaseTtl.dividedBy(5);
    }

    static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "instance";
        }
        String clean = host.replaceAll("[^A-Za-z0-9._-]", "-");
        if (clean.length() > 50) {
            clean = clean.substring(0, 50);
        }
        byte[] suffix = new byte[3];
        new SecureRandom().nextBytes(suffix);
        return clean + "-" + HexFormat.of().formatHex(suffix);
    }
}
