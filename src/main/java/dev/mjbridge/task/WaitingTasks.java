package dev.mjbridge.task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cluster's shared queue, kept in {@code mj_task} itself: a task waits there as {@code NOT_START}
 * with no account until an instance claims it for one of its own accounts. PostgreSQL only, as a
 * cluster is. A claim locks its rows with {@code FOR UPDATE SKIP LOCKED}, so two instances never
 * claim one task and neither waits for the other; adding a task is serialised across instances by a
 * transaction-scoped advisory lock, so the queue never holds more than the capacity it was given.
 */
final class WaitingTasks {

    /** The key of the advisory lock that serialises additions; any fixed number no one else uses. */
    private static final long ADDITION_LOCK = 0x6d6a5f7175657565L;
    private static final String WAITING = "status = 'NOT_START' AND account_id IS NULL";

    /** What the claimer looks at before it locks anything: enough to tell whether one of its accounts suits. */
    record Waiting(String id, Routing routing, long submitTime) {
    }

    private final JdbcTaskStore store;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    WaitingTasks(JdbcTaskStore store, DataSource dataSource) {
        this.store = store;
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /**
     * Adds the task (NOT_START, no account) unless {@code capacity} tasks wait already.
     *
     * @return how many tasks wait before it; empty when the queue is full and nothing was added
     */
    OptionalInt add(Task task, int capacity) {
        return transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", ADDITION_LOCK).query().listOfRows();
            int waiting = count();
            if (waiting >= capacity) {
                return OptionalInt.empty();
            }
            jdbc.sql(store.upsertSql()).paramSource(store.columns(task)).update();
            return OptionalInt.of(waiting);
        });
    }

    int count() {
        return jdbc.sql("SELECT COUNT(*) FROM mj_task WHERE " + WAITING).query(Integer.class).single();
    }

    /** The oldest waiting tasks, read without a lock (a claim locks and checks again). */
    List<Waiting> oldest(int limit) {
        return jdbc.sql("SELECT id, routing_json, submit_time FROM mj_task WHERE " + WAITING
                        + " ORDER BY submit_time, id LIMIT :limit")
                .param("limit", limit)
                .query((rs, row) -> {
                    String routing = rs.getString("routing_json");
                    return new Waiting(rs.getString("id"), routing == null ? null : store.routingOf(routing),
                            rs.getLong("submit_time"));
                })
                .list();
    }

    /**
     * In one transaction, locks those of {@code ids} that still wait and that no other instance is
     * claiming right now, hands each to {@code decide} (oldest first), and writes the versions it
     * returns. If the transaction fails, nothing was claimed.
     *
     * @return the versions written
     */
    List<Task> claim(Collection<String> ids, Function<Task, Optional<Task>> decide) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return transaction.execute(status -> {
            List<Task> locked = jdbc.sql(JdbcTaskStore.readSql() + "WHERE id IN (:ids) AND " + WAITING
                            + " ORDER BY submit_time, id FOR UPDATE SKIP LOCKED")
                    .param("ids", List.copyOf(ids))
                    .query(store.rows())
                    .list();
            List<Task> decided = new ArrayList<>();
            for (Task task : locked) {
                decide.apply(task).ifPresent(decided::add);
            }
            for (Task task : decided) {
                jdbc.sql(store.upsertSql()).paramSource(store.columns(task)).update();
            }
            return decided;
        });
    }
}
