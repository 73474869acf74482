-- Several instances on one PostgreSQL (mj.cluster.enabled, docs/cluster.md). Created on H2 too so
-- the migrations stay one list, but only an instance with the cluster on reads or writes them.
-- Every time below is the database's own (now() when written): instances never compare their
-- clocks with each other, so clock skew between them cannot give an account two owners.

-- The instances: each upserts its row at start-up, moves heartbeat_at on each renewal round and
-- deletes it when it shuts down. Live = heartbeat within the lease ttl.
CREATE TABLE mj_cluster_instance (
    instance_id  VARCHAR(64)              NOT NULL PRIMARY KEY,
    address      VARCHAR(255),
    port         INT,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
    draining     BOOLEAN                  NOT NULL DEFAULT FALSE
);

-- One row per account ever leased. owner_id is null once released; a lease is valid while
-- expires_at is ahead of the database's now(). epoch grows by one each time an owner claims it
-- (a fencing token: a later owner always carries a larger number).
CREATE TABLE mj_account_lease (
    account_id VARCHAR(255)             NOT NULL PRIMARY KEY,
    owner_id   VARCHAR(64),
    epoch      BIGINT                   NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX mj_account_lease_owner ON mj_account_lease (owner_id);
