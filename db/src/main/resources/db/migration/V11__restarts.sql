-- When the target's server process started, as it reports it (PostgreSQL pg_postmaster_start_time(),
-- MySQL/MariaDB and Redis their uptime): a start later than the previous probe is a restart, also one
-- that happened, crash included, between two probes. Null for a target that reports none (HTTP).
ALTER TABLE db_stats_snapshot ADD COLUMN server_started_at timestamptz;

-- The RESTARTED rule type, which judges that column.
ALTER TABLE alert_rule DROP CONSTRAINT alert_rule_type_check;
ALTER TABLE alert_rule ADD CONSTRAINT alert_rule_type_check
    CHECK (type IN ('DOWN', 'AVAILABILITY', 'LATENCY', 'CONNECTIONS', 'MEMORY', 'RESTARTED', 'JOB_FAILED'));
