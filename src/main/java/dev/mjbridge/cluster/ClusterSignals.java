package dev.mjbridge.cluster;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL LISTEN/NOTIFY between the instances of a cluster: a wake-up call, never the truth (the
 * truth is in the tables). One dedicated connection, taken from the data source for as long as this
 * runs, listens on every channel subscribed to; a daemon thread ({@code mj-cluster-signals}) waits for
 * notifications on it and hands each payload to the channel's subscribers, in the order PostgreSQL
 * delivered them.
 * <p>
 * <b>Missed signals.</b> A notification sent while no connection listens is lost. So when the
 * connection fails (the database restarted, the backend was terminated, the network dropped), the
 * failure is logged once, the thread connects again (with a growing pause, at most {@link #MAX_PAUSE}),
 * listens again, and tells every subscriber to {@link Subscriber#onResync resync}: read the tables
 * for what it may have missed. The first time it listens counts as well: nothing sent before was
 * heard.
 * <p>
 * <b>Channels.</b> Subscribers and {@link #notify} name channels by their plain name
 * ({@code mj_task_changed}); on the database the channel is that name qualified by the schema the
 * instance works in ({@link #qualified}), so clusters in different schemas of one database do not
 * hear each other. A payload must be shorter than {@link #MAX_PAYLOAD_BYTES}.
 * <p>
 * A dead connection that never answers (no reset) is noticed by a {@code SELECT 1} every
 * {@code idleCheck} without signals, under a network timeout.
 */
public final class ClusterSignals implements AutoCloseable {

    /**
     * An instance wrote new versions of tasks: {@code <instance id> <task id> <task id> ...}
     * ({@link TaskChangeNotices}).
     */
    public static final String TASK_CHANGED = "mj_task_changed";
    /** A task waits in the database for an instance that can take it (the cluster queue's wake-up). */
    public static final String TASK_QUEUED = "mj_task_queued";
    /** PostgreSQL refuses payloads of 8000 bytes or more. */
    public static final int MAX_PAYLOAD_BYTES = 7999;
    /** PostgreSQL's longest identifier (NAMEDATALEN - 1); a longer channel name would be cut. */
    static final int MAX_CHANNEL_BYTES = 63;
    private static final Duration MAX_PAUSE = Duration.ofSeconds(5);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(ClusterSignals.class);

    /** Told what arrives on a channel; runs on the signals thread: return quickly. */
    public interface Subscriber {

        /** One notification's payload ("" when it carried none). */
        void onSignal(String payload);

        /**
         * The connection listens (again) after a time in which it did not: signals of that time were
         * lost, so read the tables for what may have changed. Also called once the subscription first
         * listens (nothing sent before was heard), so it is the place for the initial look too.
         */
        default void onResync() {
        }
    }

    /** A subscription; {@link #close} ends it. */
    public final class Subscription implements AutoCloseable {

        private final String channel;
        private final Subscriber subscriber;
        private final CompletableFuture<Void> listening = new CompletableFuture<>();

        private Subscription(String channel, Subscriber subscriber) {
            this.channel = channel;
            this.subscriber = subscriber;
        }

        /** Completes once the connection listens on the channel: a notify sent after that is heard. */
        public CompletableFuture<Void> listening() {
            return listening;
        }

        @Override
        public void close() {
            List<Subscription> list = subscriptions.get(channel);
            if (list != null) {
                list.remove(this);
            }
        }
    }

    private final DataSource dataSource;
    private final JdbcTemplate notifier;
    private final String schema;
    private final Duration pollWait;
    private final Duration idleCheck;
    private final Map<String, List<Subscription>> subscriptions = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean closed;
    /** Channels the current connection listens on (signals thread only). */
    private final Set<String> listeningOn = new HashSet<>();
    private Connection connection;
    private volatile long resyncs;
    private volatile int backendPid;

    /**
     * @param pollWait  how long one wait for notifications lasts (how soon a new subscription listens)
     * @param idleCheck how long without any signal before the connection is checked with a query
     */
    ClusterSignals(DataSource dataSource, Duration pollWait, Duration idleCheck) {
        this.dataSource = dataSource;
        this.notifier = new JdbcTemplate(dataSource);
        this.notifier.setQueryTimeout((int) Math.max(1, idleCheck.toSeconds()));
        this.schema = currentSchema(dataSource);
        this.pollWait = pollWait;
        this.idleCheck = idleCheck;
        this.thread = new Thread(this::run, "mj-cluster-signals");
        this.thread.setDaemon(true);
    }

    /** Listening with the usual waits: new subscriptions take effect within half a second. */
    public static ClusterSignals start(DataSource dataSource) {
        ClusterSignals signals = new ClusterSignals(dataSource, Duration.ofMillis(500), Duration.ofSeconds(10));
        signals.start();
        return signals;
    }

    void start() {
        thread.start();
    }

    /**
     * Hands every payload sent on {@code channel} (by any instance, this one included) to
     * {@code subscriber}, on the signals thread, from the moment {@link Subscription#listening()}
     * completes.
     */
    public Subscription subscribe(String channel, Subscriber subscriber) {
        checkChannel(channel);
        Subscription subscription = new Subscription(channel, subscriber);
        subscriptions.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(subscription);
        return subscription;
    }

    /**
     * Sends {@code payload} on {@code channel} to every instance listening (this one included), on a
     * connection of the pool; it is delivered when the statement commits (at once: it runs alone).
     *
     * @throws IllegalArgumentException when the payload is {@link #MAX_PAYLOAD_BYTES} or longer
     * @throws org.springframework.dao.DataAccessException when the database cannot be reached
     */
    public void notify(String channel, String payload) {
        checkChannel(channel);
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("a signal's payload must be shorter than 8000 bytes");
        }
        notifier.query("SELECT pg_notify(?, ?)", rs -> null, qualified(schema, channel), payload);
    }

    /** How many times the connection started listening (the first time included); for tests. */
    public long resyncs() {
        return resyncs;
    }

    /** The database backend of the listening connection (0 before the first); for tests that kill it. */
    int backendPid() {
        return backendPid;
    }

    /**
     * The channel's name on the database: {@code schema.name}, or, when that is longer than PostgreSQL
     * keeps, the schema's hash in its place.
     */
    static String qualified(String schema, String channel) {
        String name = schema + "." + channel;
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_CHANNEL_BYTES) {
            return name;
        }
        return "mj" + Integer.toHexString(schema.hashCode()) + "." + channel;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        Duration pause = FIRST_PAUSE;
        boolean failing = false;
        while (!closed) {
            try {
                if (connection == null) {
                    connect();
                    if (failing) {
                        log.info("cluster signals: listening again");
                    }
                    failing = false;
                    pause = FIRST_PAUSE;
                    resync();
                }
                listenOnNewChannels(false);
                receive();
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    break;
                }
                if (!failing) {
                    log.warn("cluster signals: the listening connection failed ({}); connecting again, and every "
                            + "subscriber resyncs from the tables once it listens", e.getMessage());
                    failing = true;
                }
                disconnect(true);
                if (!sleep(pause)) {
                    break;
                }
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
        disconnect(false);
    }

    private void connect() throws SQLException {
        Connection opened = dataSource.getConnection();
        try {
            opened.setAutoCommit(true);
            // A read that hangs on a dead network ends after this, so the loop notices and reconnects.
            opened.setNetworkTimeout(Runnable::run, (int) idleCheck.multipliedBy(2).toMillis());
            backendPid = opened.unwrap(PGConnection.class).getBackendPID();
        } catch (SQLException | RuntimeException e) {
            opened.close();
            throw e;
        }
        connection = opened;
        listeningOn.clear();
        listenOnNewChannels(true);
    }

    /**
     * LISTENs on every subscribed channel the connection does not listen on yet. A subscription that
     * listens from now on is told to resync (it heard nothing before), unless {@code connecting}: then
     * every subscriber is told at once.
     */
    private void listenOnNewChannels(boolean connecting) throws SQLException {
        for (Map.Entry<String, List<Subscription>> entry : subscriptions.entrySet()) {
            String channel = entry.getKey();
            if (!listeningOn.contains(channel)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + quoted(qualified(schema, channel)));
                }
                listeningOn.add(channel);
            }
            for (Subscription subscription : entry.getValue()) {
                if (subscription.listening.complete(null) && !connecting) {
                    resync(subscription);
                }
            }
        }
    }

    private void resync() {
        resyncs++;
        for (List<Subscription> list : subscriptions.values()) {
            list.forEach(this::resync);
        }
    }

    private void resync(Subscription subscription) {
        try {
            subscription.subscriber.onResync();
        } catch (RuntimeException e) {
            log.error("cluster signals: a subscriber of {} failed to resync", subscription.channel, e);
        }
    }

    /** Waits up to {@code pollWait} for notifications and hands them out; checks a silent connection. */
    private void receive() throws SQLException {
        long idleSince = System.nanoTime();
        while (!closed) {
            PGNotification[] notifications = connection.unwrap(PGConnection.class)
                    .getNotifications((int) pollWait.toMillis());
            if (notifications != null && notifications.length > 0) {
                for (PGNotification notification : notifications) {
                    dispatch(notification.getName(), notification.getParameter());
                }
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince > idleCheck.toNanos()) {
                try (PreparedStatement check = connection.prepareStatement("SELECT 1")) {
                    check.execute();
                }
                idleSince = System.nanoTime();
            }
            if (hasNewChannels()) {
                return;
            }
        }
    }

    private boolean hasNewChannels() {
        for (Map.Entry<String, List<Subscription>> entry : subscriptions.entrySet()) {
            if (!listeningOn.contains(entry.getKey())) {
                return true;
            }
            for (Subscription subscription : entry.getValue()) {
                if (!subscription.listening.isDone()) {
                    return true;
                }
            }
        }
        return false;
    }

    private void dispatch(String qualifiedChannel, String payload) {
        for (Map.Entry<String, List<Subscription>> entry : subscriptions.entrySet()) {
            if (!qualified(schema, entry.getKey()).equals(qualifiedChannel)) {
                continue;
            }
            for (Subscription subscription : entry.getValue()) {
                try {
                    subscription.subscriber.onSignal(payload == null ? "" : payload);
                } catch (RuntimeException e) {
                    log.error("cluster signals: a subscriber of {} failed", entry.getKey(), e);
                }
            }
        }
    }

    /**
     * Closes the connection. A healthy one goes back to the pool without its LISTENs; after a failure
     * ({@code failed}) it is dropped for good instead, so the pool never hands a broken one out.
     */
    private void disconnect(boolean failed) {
        if (connection == null) {
            return;
        }
        boolean clean = false;
        if (!failed) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("UNLISTEN *");
                clean = true;
            } catch (SQLException | RuntimeException broken) {
                // Dropped below.
            }
        }
        try {
            if (clean) {
                connection.close();
            } else {
                abort(connection);
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("cluster signals: closing the listening connection: {}", e.getMessage());
        }
        connection = null;
        listeningOn.clear();
    }

    /** Drops a broken connection for good, so that the pool never hands it to anyone else. */
    private void abort(Connection broken) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(broken);
            } else {
                Executor inline = Runnable::run;
                broken.abort(inline);
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("cluster signals: dropping the listening connection: {}", e.getMessage());
        }
    }

    private boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static void checkChannel(String channel) {
        if (channel == null || !channel.matches("[a-z0-9_]{1,40}")) {
            throw new IllegalArgumentException("a channel name is 1 to 40 of a-z, 0-9 and _, got " + channel);
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String currentSchema(DataSource dataSource) {
        String schema = new JdbcTemplate(dataSource).queryForObject("SELECT current_schema()", String.class);
        if (schema == null) {
            throw new IllegalStateException("the database has no current schema for the cluster's signals");
        }
        return schema;
    }
}
