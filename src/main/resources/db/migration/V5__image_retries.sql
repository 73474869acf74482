-- Tasks whose picture could not be stored when they finished (disk full, bucket down, Discord's
-- CDN unreachable): they finished with Discord's link, and the stored copy is tried again later,
-- after a restart too. A row lives until the copy is stored or the attempts run out.
CREATE TABLE mj_image_retry (
    task_id    VARCHAR(64)   NOT NULL PRIMARY KEY,
    attempts   INT           NOT NULL,
    next_at    BIGINT        NOT NULL,
    last_error VARCHAR(1000)
);
CREATE INDEX mj_image_retry_next_at ON mj_image_retry (next_at);
