package dev.mjbridge.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mjbridge.task.TaskStatus;

/**
 * Every statement of the webhook outbox (tables {@code mj_webhook_outbox} and
 * {@code mj_webhook_attempt}), PostgreSQL only: a cluster's instances share it. Times are the
 * database's ({@code now()}); an instance only ever sends durations.
 *
 * <p>Order per task: only the lowest {@code seq} of a task's pending rows can be claimed, and it stays
 * pending while it is being posted or waits for its retry, so a task's next state waits behind it.
 * Claims take rows with {@code FOR UPDATE SKIP LOCKED}: two instances claiming at once never get the
 * same row; and a row stays claimed until its claim expires, so the other instance's next claim passes
 * it over too. Every change of a row by a claimer requires that its claim is still its own.
 */
final class OutboxStore {

    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String GAVE_UP = "GAVE_UP";
    static final String SUPERSEDED = "SUPERSEDED";

    private static final String INSERT = """
            INSERT INTO mj_webhook_outbox (task_id, seq, delivery_id, hook_url, hook_checked, task_status, progress,
                                           body, state, attempts, next_attempt_at, created_at)
            SELECT :taskId, n.seq, :deliveryId, :url, :checked, :status, :progress, :body, 'PENDING', 0, now(), now()
            FROM (SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM mj_webhook_outbox WHERE task_id = :taskId) n
            WHERE 1 = 1
            """;

    /**
     * A change is news only if the task's last row says something else, and a state that is not final
     * is stale after a final one: {@link ChangeFilter}'s rule, held across the instances a task moves
     * between.
     */
    private static final String NEWS = """
            AND NOT EXISTS (SELECT 1 FROM mj_webhook_outbox last WHERE last.task_id = :taskId AND last.seq = n.seq - 1
                AND (last.task_status = :status AND last.progress = :progress%s))
            """;
    private static final String STALE_AFTER_FINAL = " OR last.task_status IN (" + Arrays.stream(TaskStatus.values())
            .filter(TaskStatus::isFinal).map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ")) + ")";

    /**
     * The fence of the task store, applied to webhooks: a state made under an older epoch of the task's
     * account than its lease now carries was made by an instance that lost the account since; the store
     * refused that version, so it is not posted either.
     */
    private static final String FENCE = """
            AND NOT EXISTS (SELECT 1 FROM mj_account_lease l WHERE l.account_id = :accountId AND l.epoch > :epoch)
            """;

    private static final String COLUMNS =
            "id, task_id, seq, delivery_id, hook_url, hook_checked, task_status, progress, body, attempts";

    private final JdbcClient sql;
    private final TransactionTemplate transactions;

    /**
     * @param statementTimeout how long one statement may take before it gives up (a database that does
     *                         not answer must not hold the delivery threads forever)
     */
    OutboxStore(DataSource dataSource, Duration statementTimeout) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setQueryTimeout((int) Math.max(1, statementTimeout.toSeconds()));
        this.sql = JdbcClient.create(jdbc);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /**
     * Adds the states in one transaction, each after its task's rows, due at once. Returns how many
     * were added: a change that is no news, and a fenced one, are left out. Two instances adding to one task at once collide on
     * {@code (task_id, seq)}: the loser's transaction fails and is tried again by its caller.
     */
    int append(List<OutboxEntry> entries) {
        Integer added = transactions.execute(status -> {
            int count = 0;
            for (OutboxEntry entry : entries) {
                JdbcClient.StatementSpec statement = sql.sql(insert(entry))
                        .param("taskId", entry.taskId())
                        .param("deliveryId", entry.deliveryId())
                        .param("url", entry.target().url())
                        .param("checked", entry.target().checked())
                        .param("status", entry.status().name())
                        .param("progress", entry.progress())
                        .param("body", entry.body());
                if (entry.fenced()) {
                    statement = statement.param("accountId", entry.accountId()).param("epoch", entry.epoch());
                }
                count += statement.update();
            }
            return count;
        });
        return added == null ? 0 : added;
    }

    private static String insert(OutboxEntry entry) {
        String statement = INSERT;
        if (entry.change()) {
            statement += NEWS.formatted(entry.status().isFinal() ? "" : STALE_AFTER_FINAL);
        }
        return entry.fenced() ? statement + FENCE : statement;
    }

    /**
     * Claims up to {@code limit} due rows for {@code claimer} until the database's now + {@code ttl}:
     * pending, due, not claimed by anyone (or under an expired claim), each the oldest pending row of its
     * task. One statement: its row locks make two concurrent claims take different rows.
     */
    List<OutboxRow> claim(String claimer, Duration ttl, int limit) {
        return sql.sql("""
                UPDATE mj_webhook_outbox SET claimed_by = :claimer,
                       claimed_until = now() + :ttl * INTERVAL '1 millisecond'
                WHERE id IN (
                    SELECT o.id FROM mj_webhook_outbox o
                    WHERE o.state = 'PENDING' AND o.next_attempt_at <= now()
                      AND (o.claimed_until IS NULL OR o.claimed_until <= now())
                      AND NOT EXISTS (SELECT 1 FROM mj_webhook_outbox e
                                      WHERE e.task_id = o.task_id AND e.state = 'PENDING' AND e.seq < o.seq)
                    ORDER BY o.next_attempt_at, o.id
                    LIMIT :limit
                    FOR UPDATE SKIP LOCKED)
                RETURNING\s""" + COLUMNS)
                .param("claimer", claimer).param("ttl", ttl.toMillis()).param("limit", limit)
                .query(OutboxStore::row).list();
    }

    /**
     * Ends a row this claimer holds: {@link #DELIVERED} or {@link #GAVE_UP}, and records the attempt.
     * False when the claim was no longer its own (it expired and another instance took the row).
     */
    boolean finish(OutboxRow row, String claimer, String state, AttemptRecord attempt) {
        Boolean ended = transactions.execute(status -> {
            boolean own = sql.sql("""
                    UPDATE mj_webhook_outbox SET state = :state, attempts = attempts + 1, finished_at = now(),
                           claimed_by = NULL, claimed_until = NULL
                    WHERE id = :id AND claimed_by = :claimer AND state = 'PENDING'
                    """).param("state", state).param("id", row.id()).param("claimer", claimer).update() == 1;
            record(row, claimer, attempt);
            return own;
        });
        return Boolean.TRUE.equals(ended);
    }

    /**
     * After a failed attempt: the row is tried again {@code delay} after the database's now, with
     * {@code failures} counted. When the task's next pending states have the same (not final) status, the
     * newest of them takes this row's place in the retries instead, carrying its failures (there is no use
     * retrying stale progress, and a dead receiver must not be retried forever); the ones passed over are
     * {@link #SUPERSEDED}. False when the claim was no longer its own.
     */
    boolean retryLater(OutboxRow row, String claimer, int failures, Duration delay, AttemptRecord attempt) {
        Boolean retried = transactions.execute(status -> {
            record(row, claimer, attempt);
            long takingOver = row.id();
            if (!row.status().isFinal()) {
                List<Later> later = sql.sql("SELECT id, task_status FROM mj_webhook_outbox "
                                + "WHERE task_id = :taskId AND state = 'PENDING' AND seq > :seq ORDER BY seq")
                        .param("taskId", row.taskId()).param("seq", row.seq())
                        .query((rs, n) -> new Later(rs.getLong(1), row.status().name().equals(rs.getString(2))))
                        .list();
                for (Later next : later) {
                    if (!next.sameStatus()) {
                        break;
                    }
                    takingOver = next.id();
                }
            }
            if (takingOver == row.id()) {
                return sql.sql("""
                        UPDATE mj_webhook_outbox SET attempts = :failures,
                               next_attempt_at = now() + :delay * INTERVAL '1 millisecond',
                               claimed_by = NULL, claimed_until = NULL
                        WHERE id = :id AND claimed_by = :claimer AND state = 'PENDING'
                        """).param("failures", failures).param("delay", delay.toMillis()).param("id", row.id())
                        .param("claimer", claimer).update() == 1;
            }
            boolean own = sql.sql("""
                    UPDATE mj_webhook_outbox SET state = 'SUPERSEDED', attempts = :failures, finished_at = now(),
                           claimed_by = NULL, claimed_until = NULL
                    WHERE id = :id AND claimed_by = :claimer AND state = 'PENDING'
                    """).param("failures", failures).param("id", row.id()).param("claimer", claimer).update() == 1;
            if (!own) {
                return false;
            }
            sql.sql("""
                    UPDATE mj_webhook_outbox SET state = 'SUPERSEDED', finished_at = now()
                    WHERE task_id = :taskId AND state = 'PENDING' AND seq > :seq AND id <> :newest
                      AND seq < (SELECT seq FROM mj_webhook_outbox WHERE id = :newest)
                    """).param("taskId", row.taskId()).param("seq", row.seq()).param("newest", takingOver).update();
            sql.sql("""
                    UPDATE mj_webhook_outbox SET attempts = :failures,
                           next_attempt_at = now() + :delay * INTERVAL '1 millisecond'
                    WHERE id = :id
                    """).param("failures", failures).param("delay", delay.toMillis()).param("id", takingOver).update();
            return true;
        });
        return Boolean.TRUE.equals(retried);
    }

    /** Gives a claimed row back unattempted, due at once (its claim is too old to start a post on). */
    void unclaim(long id, String claimer) {
        sql.sql("UPDATE mj_webhook_outbox SET claimed_by = NULL, claimed_until = NULL "
                        + "WHERE id = :id AND claimed_by = :claimer AND state = 'PENDING'")
                .param("id", id).param("claimer", claimer).update();
    }

    /** Gives back every row the claimer holds, so the others take them without waiting for the expiry. */
    int releaseAll(String claimer) {
        return sql.sql("UPDATE mj_webhook_outbox SET claimed_by = NULL, claimed_until = NULL "
                        + "WHERE claimed_by = :claimer AND state = 'PENDING'")
                .param("claimer", claimer).update();
    }

    /** The task's last {@code limit} attempts, by whichever instance, oldest first. */
    List<DeliveryAttempt> attempts(String taskId, int limit) {
        List<DeliveryAttempt> newestFirst = sql.sql("""
                SELECT delivery_id, task_status, progress, hook, started_at, http_status, error, duration_ms, outcome
                FROM mj_webhook_attempt WHERE task_id = :taskId ORDER BY id DESC LIMIT :limit
                """).param("taskId", taskId).param("limit", limit)
                .query((rs, n) -> new DeliveryAttempt(rs.getString(1), TaskStatus.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getLong(5), rs.getInt(6), rs.getString(7), rs.getLong(8),
                        DeliveryOutcome.valueOf(rs.getString(9))))
                .list();
        List<DeliveryAttempt> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** Deletes rows finished longer than {@code age} ago, with their attempts. Returns the rows deleted. */
    int prune(Duration age) {
        Integer deleted = transactions.execute(status -> {
            sql.sql("""
                    DELETE FROM mj_webhook_attempt WHERE outbox_id IN (
                        SELECT id FROM mj_webhook_outbox
                        WHERE state <> 'PENDING' AND finished_at < now() - :age * INTERVAL '1 millisecond')
                    """).param("age", age.toMillis()).update();
            return sql.sql("DELETE FROM mj_webhook_outbox "
                            + "WHERE state <> 'PENDING' AND finished_at < now() - :age * INTERVAL '1 millisecond'")
                    .param("age", age.toMillis()).update();
        });
        return deleted == null ? 0 : deleted;
    }

    private void record(OutboxRow row, String claimer, AttemptRecord attempt) {
        sql.sql("""
                INSERT INTO mj_webhook_attempt (outbox_id, task_id, delivery_id, task_status, progress, hook,
                                                instance_id, started_at, http_status, error, duration_ms, outcome)
                VALUES (:outboxId, :taskId, :deliveryId, :status, :progress, :hook, :instance, :startedAt,
                        :httpStatus, :error, :durationMs, :outcome)
                """)
                .param("outboxId", row.id()).param("taskId", row.taskId()).param("deliveryId", row.deliveryId())
                .param("status", row.status().name()).param("progress", row.progress())
                .param("hook", row.target().toString()).param("instance", claimer)
                .param("startedAt", attempt.startedAt()).param("httpStatus", attempt.result().status())
                .param("error", truncate(attempt.result().problem())).param("durationMs", attempt.durationMs())
                .param("outcome", attempt.outcome().name())
                .update();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }

    private static OutboxRow row(ResultSet rs, int n) throws SQLException {
        return new OutboxRow(rs.getLong("id"), rs.getString("task_id"), rs.getInt("seq"), rs.getString("delivery_id"),
                new HookTarget(rs.getString("hook_url"), rs.getBoolean("hook_checked")),
                TaskStatus.valueOf(rs.getString("task_status")), rs.getString("progress"), rs.getString("body"),
                rs.getInt("attempts"));
    }

    /** A pending row after the one retried, and whether it has the same status. */
    private record Later(long id, boolean sameStatus) {
    }

    /**
     * One attempt as the log keeps it.
     *
     * @param startedAt  when it started, epoch milliseconds (this instance's clock: shown, never compared)
     * @param result     how it went
     * @param durationMs how long it took
     * @param outcome    sent, retrying or gave up
     */
    record AttemptRecord(long startedAt, DeliveryResult result, long durationMs, DeliveryOutcome outcome) {
    }
}
