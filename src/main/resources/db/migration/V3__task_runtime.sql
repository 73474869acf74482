-- The task is one aggregate: what the engine needs to send or follow an unfinished task
-- (JdbcTaskStore's TaskRuntime) moves from mj_pending_request onto the task's own row, so
-- one change of a task is one row written. Runs unchanged on H2 and PostgreSQL.
--
-- image_index is set exactly while the task has a runtime (0 when it pressed no image
-- button); all four columns are cleared when the task becomes final, as the pending row
-- used to be deleted, so the large request JSON (it may hold images) does not stay.
ALTER TABLE mj_task ADD COLUMN parent_message_id VARCHAR(64);
ALTER TABLE mj_task ADD COLUMN image_index INT;
ALTER TABLE mj_task ADD COLUMN request_json TEXT;
ALTER TABLE mj_task ADD COLUMN routing_json TEXT;

-- The pending request of every unfinished task; its account is the task's own (the
-- pending row's copy only fills a task row that had none).
UPDATE mj_task SET
    parent_message_id = (SELECT p.parent_message_id FROM mj_pending_request p WHERE p.task_id = mj_task.id),
    image_index       = (SELECT p.image_index FROM mj_pending_request p WHERE p.task_id = mj_task.id),
    request_json      = (SELECT p.request_json FROM mj_pending_request p WHERE p.task_id = mj_task.id),
    routing_json      = (SELECT p.routing_json FROM mj_pending_request p WHERE p.task_id = mj_task.id),
    account_id        = COALESCE(account_id,
                            (SELECT p.account_id FROM mj_pending_request p WHERE p.task_id = mj_task.id))
WHERE status NOT IN ('SUCCESS', 'FAILURE', 'CANCEL')
  AND id IN (SELECT task_id FROM mj_pending_request);

DROP TABLE mj_pending_request;
