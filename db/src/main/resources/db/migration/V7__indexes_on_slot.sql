-- The alert evaluation reads the last day of checks, and the latest stats, of every connection each
-- slot. The primary keys (connection_id, slot) cannot serve a range on slot alone, so as a month's
-- partition filled, that read became a scan of the whole partition and a sort on disk
-- (docs/benchmarks.md, "Alert evaluation and mail delivery"). In slot order, it needs no sort at all.
CREATE INDEX health_check_slot_idx ON health_check (slot);
CREATE INDEX db_stats_snapshot_slot_idx ON db_stats_snapshot (slot);
