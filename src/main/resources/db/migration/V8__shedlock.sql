-- ShedLock's lock table (columns as its JDBC provider expects): in a cluster (mj.cluster.enabled,
-- docs/cluster.md), a periodic job that must run on one instance at a time, image retention, takes its
-- row for the length of a run. Unused by a single instance. Runs unchanged on H2 and PostgreSQL.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
