package dev.mjbridge.task;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link TaskStore} on table {@code mj_task} (migrations {@code V1__tasks.sql}, {@code V3__task_runtime.sql}),
 * for H2 and PostgreSQL. Each row holds the task JSON plus copies of the queryable fields, and
 * while the task is unfinished its {@link TaskRuntime} (the request still to send, where it may
 * run, the parent message). The database is recognised once, from the DataSource metadata.
 */
@Repository
public class JdbcTaskStore implements TaskStore {

    /** IN-lists are split so no statement carries more parameters than a driver takes. */
    private static final int IN_LIST_CHUNK = 500;
    /** H2 reports a lost insert race as an error instead of waiting; the retry then updates. */
    private static final int H2_UPSERT_ATTEMPTS = 10;
    private static final int H2_CONCURRENT_UPDATE = 90131;

    private static final String COLUMNS =
            "id, status, action, account_id, submit_time, finish_time, nonce, job_hash, parent_id, message_id, "
                    + "task_json, internal_json, parent_message_id, image_index, request_json, routing_json, lease_owner, lease_epoch";
    private static final String VALUES =
            ":id, :status, :action, :accountId, :submitTime, :finishTime, :nonce, :jobHash, :parentId, :messageId, "
                    + ":taskJson, :internalJson, :parentMessageId, :imageIndex, :requestJson, :routingJson, :leaseOwner, :leaseEpoch";
    /** What a read needs to rebuild the whole task. */
    private static final String READ = "SELECT task_json, internal_json, parent_message_id, image_index, request_json, "
            + "routing_json, lease_owner, lease_epoch FROM mj_task ";
    private static final String FINAL_STATUSES = Arrays.stream(TaskStatus.values())
            .filter(TaskStatus::isFinal).map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    private static final List<String> UNFINISHED_STATUSES = Arrays.stream(TaskStatus.values())
            .filter(s -> !s.isFinal()).map(Enum::name).toList();

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final JsonMapper json = JsonMapper.builder()
            // Rows outlive code versions: tolerate fields that were added or dropped since.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private final JobRequestCodec codec = new JobRequestCodec(json);
    private final RowMapper<Task> rowMapper = (rs, rowNum) -> {
        TaskInternal internal = json.readValue(rs.getString("internal_json"), TaskInternal.class);
        int imageIndex = rs.getInt("image_index");
        // The image index is set exactly when the row carries a runtime.
        if (!rs.wasNull()) {
            String request = rs.getString("request_json");
            String routing = rs.getString("routing_json");
            internal = internal.withRuntime(TaskRuntime.of(request == null ? null : codec.read(request),
                    routing == null ? null : codec.readRouting(routing), rs.getString("parent_message_id"), imageIndex));
        }
        String leaseOwner = rs.getString("lease_owner");
        long leaseEpoch = rs.getLong("lease_epoch");
        if (leaseOwner != null && !rs.wasNull()) {
            internal = internal.withLease(new LeaseStamp(leaseOwner, leaseEpoch));
        }
        return json.readValue(rs.getString("task_json"), Task.class).withInternal(internal);
    };

    private final NamedParameterJdbcTemplate batch;
    private final TransactionTemplate transaction;

    public JdbcTaskStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.dialect = Dialect.of(dataSource);
        this.batch = new NamedParameterJdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public boolean save(Task task) {
        return retryingLostRaces(() -> jdbc.sql(dialect.upsertSql).paramSource(params(task)).update() > 0);
    }

    /** One JDBC batch in one transaction: the write-behind store's group commit. */
    @Override
    public List<Boolean> saveAll(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        SqlParameterSource[] rows = tasks.stream().map(this::params).toArray(SqlParameterSource[]::new);
        int[] counts = retryingLostRaces(() -> transaction.execute(status -> batch.batchUpdate(dialect.upsertSql, rows)));
        List<Boolean> written = new ArrayList<>(counts.length);
        for (int count : counts) {
            // A driver may answer SUCCESS_NO_INFO (-2) for a batched row: it was written.
            written.add(count != 0);
        }
        return written;
    }

    /** The upsert {@link #save} runs, for a writer that runs it inside a transaction of its own ({@link WaitingTasks}). */
    String upsertSql() {
        return dialect.upsertSql;
    }

    /** A query's start that reads whole tasks with {@link #rows()}; a WHERE clause follows. */
    static String readSql() {
        return READ;
    }

    RowMapper<Task> rows() {
        return rowMapper;
    }

    /** A task's routing as {@code routing_json} holds it. */
    Routing routingOf(String routingJson) {
        return codec.readRouting(routingJson);
    }

    /** The task's columns as the upsert binds them. */
    SqlParameterSource columns(Task task) {
        return params(task);
    }

    /** H2 reports a lost insert race as an error instead of waiting: the next attempt updates. */
    private <T> T retryingLostRaces(Supplier<T> write) {
        if (dialect == Dialect.POSTGRESQL) {
            return write.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (DataAccessException e) {
                if (attempt >= H2_UPSERT_ATTEMPTS || !isLostRace(e)) {
                    throw e;
                }
            }
        }
    }

    private MapSqlParameterSource params(Task task) {
        TaskProperties p = task.properties();
        TaskRuntime runtime = task.internal().runtime();
        LeaseStamp lease = task.internal().lease();
        return new MapSqlParameterSource()
                .addValue("id", task.id())
                .addValue("status", task.status().name())
                .addValue("action", task.action().name())
                .addValue("accountId", p.discordInstanceId())
                .addValue("submitTime", task.submitTime())
                .addValue("finishTime", task.finishTime())
                .addValue("nonce", p.nonce())
                .addValue("jobHash", p.messageHash())
                .addValue("parentId", p.parentId())
                .addValue("messageId", p.messageId())
                .addValue("taskJson", json.writeValueAsString(task))
                .addValue("internalJson", json.writeValueAsString(task.internal()))
                .addValue("parentMessageId", runtime == null ? null : runtime.parentMessageId())
                .addValue("imageIndex", runtime == null ? null : runtime.index(), Types.INTEGER)
                .addValue("requestJson", runtime == null || runtime.request() == null ? null : codec.write(runtime.request()),
                        Types.VARCHAR)
                .addValue("routingJson", runtime == null || runtime.routing() == null ? null : codec.write(runtime.routing()),
                        Types.VARCHAR)
                .addValue("leaseOwner", lease == null ? null : lease.instanceId(), Types.VARCHAR)
                .addValue("leaseEpoch", lease == null ? null : lease.epoch(), Types.BIGINT);
    }

    private static boolean isLostRace(DataAccessException e) {
        return e instanceof DuplicateKeyException
                || e.getMostSpecificCause() instanceof SQLException sql && sql.getErrorCode() == H2_CONCURRENT_UPDATE;
    }

    @Override
    public Optional<Task> findById(String id) {
        return jdbc.sql(READ + "WHERE id = :id")
                .param("id", id)
                .query(rowMapper)
                .optional();
    }

    @Override
    public List<Task> findByIds(Collection<String> ids) {
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(ids));
        Map<String, Task> found = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += IN_LIST_CHUNK) {
            List<String> chunk = wanted.subList(from, Math.min(wanted.size(), from + IN_LIST_CHUNK));
            jdbc.sql(READ + "WHERE id IN (:ids)")
                    .param("ids", chunk)
                    .query(rowMapper)
                    .list()
                    .forEach(task -> found.put(task.id(), task));
        }
        return wanted.stream().map(found::get).filter(t -> t != null).toList();
    }

    @Override
    public List<Task> listRecent(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        return jdbc.sql(READ + "ORDER BY submit_time DESC, id DESC "
                        + "LIMIT :limit OFFSET :offset")
                .param("limit", limit)
                .param("offset", offset)
                .query(rowMapper)
                .list();
    }

    @Override
    public List<Task> findUnfinished() {
        return jdbc.sql(READ + "WHERE status IN (:statuses) "
                        + "ORDER BY submit_time, id")
                .param("statuses", UNFINISHED_STATUSES)
                .query(rowMapper)
                .list();
    }

    @Override
    public List<Task> findUnfinishedOf(String accountId) {
        return jdbc.sql(READ + "WHERE account_id = :account AND status IN (:statuses) ORDER BY submit_time, id")
                .param("account", accountId)
                .param("statuses", UNFINISHED_STATUSES)
                .query(rowMapper)
                .list();
    }

    @Override
    public long countSentSince(String accountId, long sinceEpochMs) {
        return jdbc.sql("SELECT COUNT(*) FROM mj_task WHERE account_id = :account AND submit_time >= :since "
                        + "AND nonce IS NOT NULL")
                .param("account", accountId)
                .param("since", sinceEpochMs)
                .query(Long.class)
                .single();
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM mj_task").query(Long.class).single();
    }

    /** The two databases spell "insert or update, but leave a final task alone" differently. */
    private enum Dialect {
        H2("MERGE INTO mj_task t USING (VALUES (" + VALUES + ")) AS s(" + COLUMNS + ") ON t.id = s.id "
                + "WHEN MATCHED AND (t.status NOT IN (" + FINAL_STATUSES + ") OR t.status = s.status) "
                + "AND NOT " + fenced("t", "s") + " THEN UPDATE SET "
                + "status = s.status, action = s.action, account_id = s.account_id, submit_time = s.submit_time, "
                + "finish_time = s.finish_time, nonce = s.nonce, job_hash = s.job_hash, parent_id = s.parent_id, "
                + "message_id = s.message_id, task_json = s.task_json, internal_json = s.internal_json, "
                + "parent_message_id = s.parent_message_id, image_index = s.image_index, "
                + "request_json = s.request_json, routing_json = s.routing_json, lease_owner = s.lease_owner, "
                + "lease_epoch = s.lease_epoch "
                + "WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") VALUES (s.id, s.status, s.action, s.account_id, "
                + "s.submit_time, s.finish_time, s.nonce, s.job_hash, s.parent_id, s.message_id, s.task_json, "
                + "s.internal_json, s.parent_message_id, s.image_index, s.request_json, s.routing_json, "
                + "s.lease_owner, s.lease_epoch)"),
        POSTGRESQL("INSERT INTO mj_task (" + COLUMNS + ") VALUES (" + VALUES + ") ON CONFLICT (id) DO UPDATE SET "
                + "status = EXCLUDED.status, action = EXCLUDED.action, account_id = EXCLUDED.account_id, "
                + "submit_time = EXCLUDED.submit_time, finish_time = EXCLUDED.finish_time, nonce = EXCLUDED.nonce, "
                + "job_hash = EXCLUDED.job_hash, parent_id = EXCLUDED.parent_id, message_id = EXCLUDED.message_id, "
                + "task_json = EXCLUDED.task_json, internal_json = EXCLUDED.internal_json, "
                + "parent_message_id = EXCLUDED.parent_message_id, image_index = EXCLUDED.image_index, "
                + "request_json = EXCLUDED.request_json, routing_json = EXCLUDED.routing_json, "
                + "lease_owner = EXCLUDED.lease_owner, lease_epoch = EXCLUDED.lease_epoch "
                + "WHERE (mj_task.status NOT IN (" + FINAL_STATUSES + ") OR mj_task.status = EXCLUDED.status) "
                + "AND NOT " + fenced("mj_task", "EXCLUDED"));

        private final String upsertSql;

        Dialect(String upsertSql) {
            this.upsertSql = upsertSql;
        }

        /**
         * The fence of a cluster: true when the incoming version was stamped under an epoch of the task's
         * account older than the account's lease or the stored row's stamp (same account), i.e. written by
         * an instance that has lost that lease since. A version without a stamp (single instance, task not
         * sent yet) is never fenced, so nothing changes with the cluster off.
         */
        private static String fenced(String stored, String incoming) {
            return "(" + incoming + ".lease_epoch IS NOT NULL AND ("
                    + "(" + stored + ".lease_epoch IS NOT NULL AND " + stored + ".account_id = " + incoming + ".account_id "
                    + "AND " + stored + ".lease_epoch > " + incoming + ".lease_epoch) "
                    + "OR EXISTS (SELECT 1 FROM mj_account_lease l WHERE l.account_id = " + incoming + ".account_id "
                    + "AND l.epoch > " + incoming + ".lease_epoch)))";
        }

        static Dialect of(DataSource dataSource) {
            String product;
            try (Connection connection = dataSource.getConnection()) {
                product = connection.getMetaData().getDatabaseProductName();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the task database's metadata", e);
            }
            String name = product.toLowerCase(Locale.ROOT);
            if (name.contains("h2")) {
                return H2;
            }
            if (name.contains("postgres")) {
                return POSTGRESQL;
            }
            throw new IllegalStateException("unsupported task database: " + product + " (use H2 or PostgreSQL)");
        }
    }
}
