-- What an unfinished task still needs to be sent or followed after a restart: the
-- Discord request (with its images, base64) and where it may run. A row lives from
-- admission until the task reaches a final status, so the table stays small.
CREATE TABLE mj_pending_request (
    task_id           VARCHAR(32)  NOT NULL PRIMARY KEY,
    account_id        VARCHAR(64),
    parent_message_id VARCHAR(32),
    image_index       INT          NOT NULL,
    request_json      TEXT         NOT NULL,
    routing_json      TEXT         NOT NULL
);
