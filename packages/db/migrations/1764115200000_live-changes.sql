-- Up Migration
-- The live stream's change log: one row per row written or corrected in the three sink tables, numbered in
-- commit order, so the API pushes every write exactly once and a client resumes from a number.
--
-- Why the numbers follow commit order: the triggers are deferred, so they run at COMMIT, and each first takes
-- a transaction-level advisory lock that PostgreSQL releases only after the commit is visible to new
-- snapshots. One committing writer at a time draws numbers, and the next draws only once the previous one is
-- visible: the rows any snapshot sees are every number drawn so far except those of rolled-back
-- transactions (holes, never filled). A reader that takes one snapshot and reads up to the highest number in
-- it never passes a number that could still appear. A writer holds the lock only while it commits, never
-- while its transaction is open, so a transaction that commits minutes late is simply numbered then.
-- (SET CONSTRAINTS ... IMMEDIATE would take the lock at the statement and hold it to the commit: order stays
-- right, writers just wait longer.)
CREATE TABLE live_changes (
  seq         bigserial    PRIMARY KEY,
  kind        text         NOT NULL CHECK (kind IN ('window', 'bar', 'alert')),
  data        jsonb        NOT NULL,   -- the row as written (to_jsonb of the sink table's row type)
  changed_at  timestamptz  NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX live_changes_kind_seq ON live_changes (kind, seq);

-- Every number up to pruned_through may have been pruned: a client resuming from before it is told so.
CREATE TABLE live_changes_horizon (
  pruned_through  bigint  NOT NULL
);
INSERT INTO live_changes_horizon VALUES (0);

-- search_path FROM CURRENT: the namespace's own live_changes, whatever the writer's search_path is. The lock
-- key is this namespace's live_changes table.
CREATE FUNCTION live_change() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1279874629, 'live_changes'::regclass::oid::integer);
  INSERT INTO live_changes (kind, data) VALUES (TG_ARGV[0], to_jsonb(NEW));
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER spread_metrics_live_change AFTER INSERT OR UPDATE ON spread_metrics
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION live_change('window');
CREATE CONSTRAINT TRIGGER spread_bars_1s_live_change AFTER INSERT OR UPDATE ON spread_bars_1s
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION live_change('bar');
CREATE CONSTRAINT TRIGGER spread_alerts_live_change AFTER INSERT OR UPDATE ON spread_alerts
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION live_change('alert');

-- Down Migration
DROP TRIGGER spread_alerts_live_change ON spread_alerts;
DROP TRIGGER spread_bars_1s_live_change ON spread_bars_1s;
DROP TRIGGER spread_metrics_live_change ON spread_metrics;
DROP FUNCTION live_change();
DROP TABLE live_changes_horizon;
DROP TABLE live_changes;
