-- Tasks in a cluster (mj.cluster.enabled, docs/cluster.md): which instance sent the task and the
-- fencing epoch of its account's lease at that moment. Both null on a single instance and on a task
-- not sent yet. JdbcTaskStore refuses a write carrying an older epoch of the task's account than the
-- lease (mj_account_lease) or the row already has: the instance lost the lease, another follows the
-- task now. Runs unchanged on H2 and PostgreSQL.
ALTER TABLE mj_task ADD COLUMN lease_owner VARCHAR(64);
ALTER TABLE mj_task ADD COLUMN lease_epoch BIGINT;

-- The unfinished tasks of one owner, for the instance that takes over its accounts.
CREATE INDEX mj_task_lease_owner_idx ON mj_task (lease_owner);
