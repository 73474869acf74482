-- Task ids in a cluster (mj.cluster.enabled, docs/cluster.md): an id is its submit's millisecond, a
-- digit of a counter and two digits of the instance's slot (task.TaskIds), so two instances never hand
-- out the same id. Each live instance holds a slot of its own, 0 to 99; the sequence deals them in turn,
-- so a slot freed by an instance that left is the last to be dealt again. Runs on H2 as well.
ALTER TABLE mj_cluster_instance ADD COLUMN id_slot SMALLINT;
CREATE SEQUENCE mj_task_id_slot_seq;
