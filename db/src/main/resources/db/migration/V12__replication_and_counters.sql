-- How far the furthest-behind copy of the data is, in seconds: a standby's or replica's own replay lag,
-- or on a primary its slowest standby's. Null where there is no replication or the role cannot see it.
ALTER TABLE db_stats_snapshot ADD COLUMN replication_lag_seconds double precision;

-- The server's cumulative counters, raw, as it names them ({"blks_hit": ..., "keyspace_misses": ...}):
-- a rate is taken between two snapshots of the same server run, so a burst shows in its interval, and a
-- counter that went backwards (a restart, a stats reset) starts a new series instead of a negative rate.
ALTER TABLE db_stats_snapshot ADD COLUMN counters jsonb;

-- The REPLICATION_LAG rule type, which judges replication_lag_seconds.
ALTER TABLE alert_rule DROP CONSTRAINT alert_rule_type_check;
ALTER TABLE alert_rule ADD CONSTRAINT alert_rule_type_check
    CHECK (type IN ('DOWN', 'AVAILABILITY', 'LATENCY', 'CONNECTIONS', 'MEMORY', 'RESTARTED', 'REPLICATION_LAG',
                    'JOB_FAILED'));
