package dev.mjbridge.cluster;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every statement of the cluster's registry and leases, PostgreSQL only. Each one compares times
 * with the database's {@code now()} and never sends an instance's clock, and each one runs alone
 * in its own transaction, so its {@code now()} is the moment it ran. A claim and a renewal are one
 * statement each, atomic on the row: two instances can never both win an account.
 */
final class LeaseStore {

    /** A row of the registry. */
    record Instance(String id, String address, Integer port, Instant startedAt, Instant heartbeatAt,
                    long heartbeatAgeMillis, boolean draining) {
    }

    /** A row of the leases, its expiry as seen by the database right now. */
    record Lease(String accountId, String owner, long epoch, long expiresInMillis) {
        boolean valid() {
            return owner != null && expiresInMillis > 0;
        }
    }

    private final JdbcClient sql;
    private final JdbcTemplate jdbc;

    /**
     * @param statementTimeout how long one statement may take before it gives up (a database that
     *                         does not answer must not hold the keeper's round forever)
     */
    LeaseStore(DataSource dataSource, Duration statementTimeout) {
        this.jdbc = new JdbcTemplate(dataSource);
        jdbc.setQueryTimeout((int) Math.max(1, statementTimeout.toSeconds()));
        this.sql = JdbcClient.create(jdbc);
    }

    /** Adds this instance to the registry, or brings its row back (after it was taken for dead). */
    void register(String id, String address, Integer port) {
        sql.sql("""
                INSERT INTO mj_cluster_instance (instance_id, address, port, started_at, heartbeat_at, draining)
                VALUES (:id, :address, :port, now(), now(), FALSE)
                ON CONFLICT (instance_id) DO UPDATE SET address = EXCLUDED.address, port = EXCLUDED.port,
                    heartbeat_at = now()
                """).param("id", id).param("address", address).param("port", port).update();
    }

    /** How many task id slots there are: two digits of a task id. */
    static final int ID_SLOTS = 100;

    /**
     * Gives this (registered) instance a task id slot no live instance holds, taking the slots in the
     * sequence's turn, so a slot an instance left behind is reused last.
     *
     * @throws IllegalStateException when live instances hold every slot
     */
    int claimIdSlot(String id, Duration ttl) {
        for (int attempt = 0; attempt < ID_SLOTS; attempt++) {
            long next = sql.sql("SELECT nextval('mj_task_id_slot_seq')").query(Long.class).single();
            int slot = (int) (next % ID_SLOTS);
            int taken = sql.sql("""
                    UPDATE mj_cluster_instance SET id_slot = :slot WHERE instance_id = :id AND NOT EXISTS (
                        SELECT 1 FROM mj_cluster_instance o WHERE o.id_slot = :slot AND o.instance_id <> :id
                        AND o.heartbeat_at > now() - :ttl * INTERVAL '1 millisecond')
                    """).param("slot", slot).param("id", id).param("ttl", ttl.toMillis()).update();
            if (taken == 1) {
                return slot;
            }
        }
        throw new IllegalStateException("live instances hold all " + ID_SLOTS + " task id slots: a cluster has at most "
                + ID_SLOTS + " instances");
    }

    /** Moves the heartbeat; false when the row is gone (another instance took this one for dead). */
    boolean heartbeat(String id) {
        return sql.sql("UPDATE mj_cluster_instance SET heartbeat_at = now() WHERE instance_id = :id")
                .param("id", id).update() == 1;
    }

    /** The instances whose heartbeat is younger than {@code ttl}, by id. */
    List<Instance> liveInstances(Duration ttl) {
        return sql.sql("""
                SELECT instance_id, address, port, started_at, heartbeat_at, draining,
                       CAST(EXTRACT(EPOCH FROM (now() - heartbeat_at)) * 1000 AS BIGINT) AS age
                FROM mj_cluster_instance
                WHERE heartbeat_at > now() - :ttl * INTERVAL '1 millisecond'
                ORDER BY instance_id
                """).param("ttl", ttl.toMillis()).query((rs, n) -> new Instance(rs.getString("instance_id"),
                rs.getString("address"), (Integer) rs.getObject("port"),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("heartbeat_at").toInstant(),
                rs.getLong("age"), rs.getBoolean("draining"))).list();
    }

    /** Deletes the rows of instances silent for longer than {@code age}: they died without leaving. */
    int forgetSilent(Duration age) {
        return sql.sql("DELETE FROM mj_cluster_instance WHERE heartbeat_at < now() - :age * INTERVAL '1 millisecond'")
                .param("age", age.toMillis()).update();
    }

    /** Every lease row, by account. */
    List<Lease> leases() {
        return sql.sql("""
                SELECT account_id, owner_id, epoch,
                       CAST(EXTRACT(EPOCH FROM (expires_at - now())) * 1000 AS BIGINT) AS expires_in
                FROM mj_account_lease ORDER BY account_id
                """).query((rs, n) -> new Lease(rs.getString("account_id"), rs.getString("owner_id"),
                rs.getLong("epoch"), rs.getLong("expires_in"))).list();
    }

    /**
     * Takes the account when no valid lease is on it (never leased, released, or expired by the
     * database's clock). One statement: of two instances claiming at once, one gets the row.
     *
     * @return the new epoch when this instance got it
     */
    Optional<Long> claim(String accountId, String owner, Duration ttl) {
        return sql.sql("""
                INSERT INTO mj_account_lease AS l (account_id, owner_id, epoch, expires_at)
                VALUES (:account, :owner, 1, now() + :ttl * INTERVAL '1 millisecond')
                ON CONFLICT (account_id) DO UPDATE
                    SET owner_id = EXCLUDED.owner_id, epoch = l.epoch + 1, expires_at = EXCLUDED.expires_at
                    WHERE l.owner_id IS NULL OR l.expires_at <= now()
                RETURNING epoch
                """).param("account", accountId).param("owner", owner).param("ttl", ttl.toMillis())
                .query(Long.class).optional();
    }

    /**
     * Extends the leases this owner still validly holds at these epochs. A lease that expired in
     * the database, or changed hands, is not extended: the owner learns it lost it.
     *
     * @return the accounts renewed
     */
    List<String> renew(String owner, Map<String, Long> epochs, Duration ttl) {
        if (epochs.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(epochs.keySet());
        Long[] numbers = ids.stream().map(epochs::get).toArray(Long[]::new);
        return jdbc.execute((Connection connection) -> {
            Array accounts = connection.createArrayOf("varchar", ids.toArray());
            Array epochArray = connection.createArrayOf("bigint", numbers);
            try (PreparedStatement statement = connection.prepareStatement("""
                    UPDATE mj_account_lease l SET expires_at = now() + ? * INTERVAL '1 millisecond'
                    FROM unnest(?, ?) AS held(account_id, epoch)
                    WHERE l.account_id = held.account_id AND l.epoch = held.epoch
                      AND l.owner_id = ? AND l.expires_at > now()
                    RETURNING l.account_id
                    """)) {
                statement.setQueryTimeout(jdbc.getQueryTimeout());
                statement.setLong(1, ttl.toMillis());
                statement.setArray(2, accounts);
                statement.setArray(3, epochArray);
                statement.setString(4, owner);
                List<String> renewed = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        renewed.add(rs.getString(1));
                    }
                }
                return renewed;
            } finally {
                accounts.free();
                epochArray.free();
            }
        });
    }

    /** Gives the account up at once (its session is already stopped), so another may claim it now. */
    void release(String accountId, String owner, long epoch) {
        sql.sql("""
                UPDATE mj_account_lease SET owner_id = NULL, expires_at = now()
                WHERE account_id = :account AND owner_id = :owner AND epoch = :epoch
                """).param("account", accountId).param("owner", owner).param("epoch", epoch).update();
    }

    /** Releases every lease of this owner and takes it out of the registry (a clean shutdown). */
    void leave(String owner) {
        sql.sql("UPDATE mj_account_lease SET owner_id = NULL, expires_at = now() WHERE owner_id = :owner")
                .param("owner", owner).update();
        sql.sql("DELETE FROM mj_cluster_instance WHERE instance_id = :owner").param("owner", owner).update();
    }

    /** Shows this instance as draining in the registry: the others leave it out of the shares. */
    void markDraining(String id) {
        sql.sql("UPDATE mj_cluster_instance SET draining = TRUE WHERE instance_id = :id").param("id", id).update();
    }

    /** Unfinished tasks not sent yet, in the shared task table. */
    record QueueDepth(long queued, long waitingForAnAccount) {
    }

    /**
     * How many tasks wait (NOT_START), and how many of them wait with no account (the cluster queue: no
     * instance's accounts could take them yet).
     */
    QueueDepth queueDepth() {
        return sql.sql("""
                SELECT COUNT(*) AS queued, COUNT(*) FILTER (WHERE account_id IS NULL) AS waiting
                FROM mj_task WHERE status = 'NOT_START'
                """).query((rs, n) -> new QueueDepth(rs.getLong("queued"), rs.getLong("waiting"))).single();
    }

    /** Accounts held per owner among valid leases (the overview). */
    static Map<String, List<String>> heldBy(List<Lease> leases) {
        Map<String, List<String>> held = new LinkedHashMap<>();
        for (Lease lease : leases) {
            if (lease.valid()) {
                held.computeIfAbsent(lease.owner(), o -> new ArrayList<>()).add(lease.accountId());
            }
        }
        return held;
    }

    /** The database product behind the data source, e.g. "PostgreSQL" or "H2". */
    static String product(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to check it: " + e.getMessage(), e);
        }
    }
}
