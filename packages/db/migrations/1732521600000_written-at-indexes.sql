-- Up Migration
-- The API's live stream polls each table for rows written after a cursor (written_at); without these
-- indexes every poll scans the whole table.
CREATE INDEX spread_metrics_written_at ON spread_metrics (written_at);
CREATE INDEX spread_alerts_written_at ON spread_alerts (written_at);
CREATE INDEX spread_bars_1s_written_at ON spread_bars_1s (written_at);

-- Down Migration
DROP INDEX spread_bars_1s_written_at;
DROP INDEX spread_alerts_written_at;
DROP INDEX spread_metrics_written_at;
