-- The stored pictures of finished tasks (package dev.mjbridge.images, StoredImageIndex): one row
-- per file in the image store, so retention can find the oldest tasks and the total size without
-- listing the store (a bucket listing is slow and costs requests). Runs unchanged on H2 and
-- PostgreSQL.
--
-- A task's rows share one stored_at (the time of its last record), so a task is pruned as one
-- unit and the oldest-first scan reads the index in order.
CREATE TABLE mj_task_image (
    task_id   VARCHAR(64)  NOT NULL,
    file      VARCHAR(128) NOT NULL,
    bytes     BIGINT       NOT NULL,
    stored_at BIGINT       NOT NULL,
    PRIMARY KEY (task_id, file)
);

-- Retention reads tasks oldest first (stored_at is epoch milliseconds).
CREATE INDEX mj_task_image_stored_at_idx ON mj_task_image (stored_at, task_id);
