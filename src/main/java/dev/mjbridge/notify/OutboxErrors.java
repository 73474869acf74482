package dev.mjbridge.notify;

import java.sql.SQLException;

import org.springframework.core.NestedRuntimeException;

/**
 * What a failed outbox statement logs: the kind of failure and its SQL state, never the database's
 * message, which may repeat the row it refused (a client's hook URL with its token, a task's body).
 */
final class OutboxErrors {

    private OutboxErrors() {
    }

    /** @param e a {@code DataAccessException} or a {@code TransactionException} (no connection for a transaction) */
    static String describe(NestedRuntimeException e) {
        Throwable cause = e.getMostSpecificCause();
        String kind = e.getClass().getSimpleName();
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            return kind + ", SQL state " + sql.getSQLState();
        }
        return kind + " (" + cause.getClass().getSimpleName() + ")";
    }
}
