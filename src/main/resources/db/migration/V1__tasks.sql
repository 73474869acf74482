-- Tasks (package dev.mjbridge.task, JdbcTaskStore). Runs unchanged on H2 and PostgreSQL.
--
-- Each row keeps the whole task as JSON: task_json is exactly what clients see,
-- internal_json what they must not (webhook URL, request images). The Task record
-- can therefore grow without a migration. The other columns are copies of the few
-- fields we filter, sort or correlate by. JSON sits in a TEXT column because that
-- is the type both databases share (H2 maps it to CLOB, PostgreSQL to text);
-- jsonb would buy queries inside the JSON, which nothing here needs.
CREATE TABLE mj_task (
    id            VARCHAR(32)  NOT NULL PRIMARY KEY,
    status        VARCHAR(16)  NOT NULL,
    action        VARCHAR(32)  NOT NULL,
    account_id    VARCHAR(255),
    submit_time   BIGINT       NOT NULL,
    finish_time   BIGINT,
    nonce         VARCHAR(64),
    job_hash      VARCHAR(64),
    parent_id     VARCHAR(32),
    message_id    VARCHAR(64),
    task_json     TEXT         NOT NULL,
    internal_json TEXT         NOT NULL
);

-- Restart recovery reads unfinished tasks; lists read newest first.
CREATE INDEX mj_task_status_idx ON mj_task (status);
CREATE INDEX mj_task_submit_time_idx ON mj_task (submit_time);
-- Correlation of Discord events when a task is no longer in memory.
CREATE INDEX mj_task_nonce_idx ON mj_task (nonce);
CREATE INDEX mj_task_job_hash_idx ON mj_task (job_hash);
CREATE INDEX mj_task_message_id_idx ON mj_task (message_id);
CREATE INDEX mj_task_parent_id_idx ON mj_task (parent_id);
CREATE INDEX mj_task_account_id_idx ON mj_task (account_id);
