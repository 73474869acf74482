package dev.mjbridge.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DataAccessException;

/**
 * Who is where, for the calls that reach other instances (admin calls forwarded to an account's
 * owner, the account list gathered from every instance): the live instances' addresses, and who
 * holds which account, as the database says now. Reads only; never decides anything about leases.
 */
public final class ClusterDirectory {

    /** Another live instance and where its API listens. */
    public record Peer(String id, String address, int port) {
    }

    /** Who holds an account now. */
    public sealed interface Holder {

        /** This instance. */
        record Here() implements Holder {
        }

        /** Another live instance, reachable at its registry address. */
        record Elsewhere(Peer peer) implements Holder {
        }

        /** No instance holds a valid lease on it (released and not claimed yet, or not in accounts.yml). */
        record Nobody() implements Holder {
        }

        /** Not known: the database could not be read, or the holder's address is not in the registry. */
        record Unknown(String reason) implements Holder {
        }
    }

    /**
     * The other live instances and the owner of every validly leased account.
     *
     * @param owners account id to the instance holding it
     */
    public record Snapshot(List<Peer> others, Map<String, String> owners) {
    }

    private final ClusterProperties properties;
    private final LeaseStore store;

    ClusterDirectory(ClusterProperties properties, LeaseStore store) {
        this.properties = properties;
        this.store = store;
    }

    public String me() {
        return properties.instanceId();
    }

    /** The other live instances whose address is known, and who holds what; throws when the database cannot be read. */
    public Snapshot snapshot() {
        Map<String, String> owners = new LinkedHashMap<>();
        LeaseStore.heldBy(store.leases()).forEach((owner, accounts) -> accounts.forEach(a -> owners.put(a, owner)));
        List<Peer> others = store.liveInstances(properties.leaseTtl()).stream()
                .filter(i -> !i.id().equals(me()) && i.address() != null && i.port() != null)
                .map(i -> new Peer(i.id(), i.address(), i.port())).toList();
        return new Snapshot(others, owners);
    }

    /** Who holds the account now. */
    public Holder holderOf(String accountId) {
        try {
            Optional<LeaseStore.Lease> lease = store.leases().stream()
                    .filter(l -> l.accountId().equals(accountId) && l.valid()).findFirst();
            if (lease.isEmpty()) {
                return new Holder.Nobody();
            }
            String owner = lease.get().owner();
            if (owner.equals(me())) {
                return new Holder.Here();
            }
            return store.liveInstances(properties.leaseTtl()).stream().filter(i -> i.id().equals(owner)).findFirst()
                    .<Holder>map(i -> i.address() == null || i.port() == null
                            ? new Holder.Unknown("instance " + owner + " holds it, but its address is not registered yet")
                            : new Holder.Elsewhere(new Peer(i.id(), i.address(), i.port())))
                    .orElseGet(() -> new Holder.Unknown("instance " + owner + " holds it, but its heartbeat stopped"));
        } catch (DataAccessException e) {
            return new Holder.Unknown("the cluster database could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
