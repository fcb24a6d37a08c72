-- Analytics events, hourly and daily rollups, their watermarks and the materialised views read by
-- predictions, alerts and digests. Flyway runs this with search_path = vigil.

-- The contract with the monitored applications (see README, "The event table"). Applications insert
-- into event and leave id and received_at to their defaults.
CREATE SEQUENCE event_id_seq;

CREATE TABLE event (
    -- Arrival order: the rollup folds ids in (watermark, horizon], see rollup_horizon below.
    id          bigint           NOT NULL DEFAULT nextval('event_id_seq'),
    occurred_at timestamptz      NOT NULL,
    source      text             NOT NULL CHECK (source <> ''),
    type        text             NOT NULL CHECK (type <> ''),
    subject     text,
    value       double precision,
    outcome     text             CHECK (outcome IN ('SUCCESS', 'FAILURE')),
    properties  jsonb            NOT NULL DEFAULT '{}',
    received_at timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);

ALTER SEQUENCE event_id_seq OWNED BY event.id;

-- Recomputing a touched (hour, source, type) bucket reads just that bucket.
CREATE INDEX event_bucket_idx ON event (source, type, occurred_at);
-- The daily rollup reads whole days; events arrive roughly in time order, so a BRIN index is enough
-- and costs writers next to nothing.
CREATE INDEX event_occurred_at_brin ON event USING brin (occurred_at);

-- health_check has no arrival order and is upserted (a re-run slot rewrites its row), so every insert
-- or update is logged here; the rollup folds the log like the event ids, and deletes what it folded.
CREATE TABLE health_check_change (
    change_id     bigserial   PRIMARY KEY,
    connection_id bigint      NOT NULL,
    slot          timestamptz NOT NULL
);

CREATE FUNCTION log_health_check_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO vigil.health_check_change (connection_id, slot) VALUES (NEW.connection_id, NEW.slot);
    RETURN NULL;
END;
$$;

CREATE TRIGGER health_check_change_log AFTER INSERT OR UPDATE ON health_check
    FOR EACH ROW EXECUTE FUNCTION log_health_check_change();

-- Rows written before this migration have no log entry: log them once so the first rollup sees them.
INSERT INTO health_check_change (connection_id, slot) SELECT connection_id, slot FROM health_check ORDER BY slot;

-- The end of the next rollup window for a source table whose rows take ids from id_sequence.
--
-- Why a lock and not a timestamp: a watermark on received_at (or on the ids alone) skips a row whose
-- transaction took its id before the rollup ran and committed after it. SHARE ROW EXCLUSIVE conflicts
-- with the ROW EXCLUSIVE lock every writer holds from before it draws its id until it commits, so once
-- granted, every id up to the sequence's last value belongs to a committed (or rolled back) row, and
-- new writers wait only for this short transaction (the Citus incremental-rollup pattern). The
-- alternative, a horizon from pg_snapshot_xmin(pg_current_snapshot()), needs the writing transaction's
-- id on every row and cannot use a plain index range over arrival order; the lock costs writers a wait
-- of milliseconds every five minutes. Call it in a transaction of its own and commit before folding.
-- It relies on the sequences keeping CACHE 1: with a larger cache a session could hold numbers below
-- the last value and use them after the lock is released.
--
-- The lock waits at most lock_wait_ms: behind a waiting SHARE ROW EXCLUSIVE request every new writer
-- queues too, so a writer transaction left open for long would otherwise stall all inserts into the
-- table until it ends. On timeout the function returns NULL: this run folds nothing, the next one tries
-- again, and writers were held up for lock_wait_ms at most.
CREATE FUNCTION rollup_horizon(source_table text, id_sequence text, lock_wait_ms integer) RETURNS bigint
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('lock_timeout', lock_wait_ms || 'ms', true);
    EXECUTE format('LOCK TABLE vigil.%I IN SHARE ROW EXCLUSIVE MODE', source_table);
    RETURN coalesce(pg_sequence_last_value(format('vigil.%I', id_sequence)::regclass), 0);
EXCEPTION WHEN lock_not_available THEN
    RETURN NULL;
END;
$$;

-- One row per rollup: every id up to folded_through is in the rollup. Moved in the same transaction
-- as the rollup rows it covers.
CREATE TABLE rollup_watermark (
    rollup         text        PRIMARY KEY,
    folded_through bigint      NOT NULL DEFAULT 0,
    updated_at     timestamptz NOT NULL DEFAULT now()
);

INSERT INTO rollup_watermark (rollup) VALUES ('event_hourly'), ('health_hourly');

-- Days whose hourly buckets changed since their daily rollup: written with the hourly rollup, cleared
-- by the daily one in the same transaction as its rows (TimescaleDB's invalidation log, by day).
CREATE TABLE daily_rollup_pending (
    rollup text NOT NULL CHECK (rollup IN ('event', 'health')),
    day    date NOT NULL,
    PRIMARY KEY (rollup, day)
);

CREATE TABLE event_rollup_hourly (
    hour              timestamptz      NOT NULL,
    source            text             NOT NULL,
    type              text             NOT NULL,
    events            bigint           NOT NULL,
    failures          bigint           NOT NULL,
    failure_rate      double precision,
    distinct_subjects bigint           NOT NULL,
    value_count       bigint           NOT NULL,
    value_sum         double precision,
    value_min         double precision,
    value_max         double precision,
    value_avg         double precision,
    value_p95         double precision,
    updated_at        timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (hour, source, type)
);

CREATE TABLE event_rollup_daily (LIKE event_rollup_hourly INCLUDING DEFAULTS);
ALTER TABLE event_rollup_daily RENAME COLUMN hour TO day;
ALTER TABLE event_rollup_daily ALTER COLUMN day TYPE date USING day::date;
ALTER TABLE event_rollup_daily ADD PRIMARY KEY (day, source, type);

CREATE TABLE health_rollup_hourly (
    connection_id   bigint           NOT NULL REFERENCES monitored_connection (id) ON DELETE CASCADE,
    hour            timestamptz      NOT NULL,
    checks          bigint           NOT NULL,
    up              bigint           NOT NULL,
    degraded        bigint           NOT NULL,
    down            bigint           NOT NULL,
    skipped         bigint           NOT NULL,
    -- (up + degraded) / (checks - skipped): a skipped check says nothing about the target.
    availability    double precision,
    latency_avg_ms  double precision,
    latency_p50_ms  double precision,
    latency_p95_ms  double precision,
    latency_max_ms  double precision,
    updated_at      timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (connection_id, hour)
);

CREATE TABLE health_rollup_daily (LIKE health_rollup_hourly INCLUDING DEFAULTS);
ALTER TABLE health_rollup_daily RENAME COLUMN hour TO day;
ALTER TABLE health_rollup_daily ALTER COLUMN day TYPE date USING day::date;
ALTER TABLE health_rollup_daily ADD PRIMARY KEY (connection_id, day);
ALTER TABLE health_rollup_daily ADD FOREIGN KEY (connection_id) REFERENCES monitored_connection (id) ON DELETE CASCADE;

-- Per connection over the last 24 hours, 7 and 30 days, as of the last refresh: availability and
-- check counts from the hourly rollups, the exact p95 from the raw checks (percentiles do not add up).
CREATE MATERIALIZED VIEW connection_health_summary AS
WITH windows (period, span) AS (
    VALUES ('24h', interval '24 hours'), ('7d', interval '7 days'), ('30d', interval '30 days')
), totals AS (
    SELECT c.id AS connection_id, w.period,
           sum(r.checks) AS checks, sum(r.up) AS up, sum(r.degraded) AS degraded,
           sum(r.down) AS down, sum(r.skipped) AS skipped
    FROM monitored_connection c
    CROSS JOIN windows w
    LEFT JOIN health_rollup_hourly r
           ON r.connection_id = c.id AND r.hour >= date_trunc('hour', now() - w.span)
    GROUP BY c.id, w.period
), latency AS (
    SELECT h.connection_id, w.period,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY h.latency_ms) AS latency_p95_ms
    FROM health_check h
    JOIN windows w ON h.slot >= date_trunc('hour', now() - w.span)
    WHERE h.slot >= now() - interval '31 days'
    GROUP BY h.connection_id, w.period
)
SELECT c.id AS connection_id, c.name, t.period,
       coalesce(t.checks, 0) AS checks,
       (t.up + t.degraded)::double precision / nullif(t.checks - t.skipped, 0) AS availability,
       l.latency_p95_ms,
       last_check.status AS last_status,
       last_check.checked_at AS last_checked_at,
       last_failure.checked_at AS last_failure_at,
       last_failure.error_message AS last_failure_message
FROM monitored_connection c
JOIN totals t ON t.connection_id = c.id
LEFT JOIN latency l ON l.connection_id = c.id AND l.period = t.period
LEFT JOIN LATERAL (
    SELECT h.status, h.checked_at FROM health_check h
    WHERE h.connection_id = c.id ORDER BY h.slot DESC LIMIT 1
) last_check ON true
LEFT JOIN LATERAL (
    SELECT h.checked_at, h.error_message FROM health_check h
    WHERE h.connection_id = c.id AND h.status = 'DOWN' ORDER BY h.slot DESC LIMIT 1
) last_failure ON true
WITH NO DATA;

CREATE UNIQUE INDEX connection_health_summary_key ON connection_health_summary (connection_id, period);

-- Per source and day: what the applications did. Distinct subjects are per type (they do not add up
-- across types), so the summary counts types instead.
CREATE MATERIALIZED VIEW event_daily_summary AS
SELECT day, source,
       sum(events) AS events,
       sum(failures) AS failures,
       sum(failures)::double precision / nullif(sum(events), 0) AS failure_rate,
       count(*) AS types,
       sum(value_sum) AS value_sum
FROM event_rollup_daily
GROUP BY day, source
WITH NO DATA;

CREATE UNIQUE INDEX event_daily_summary_key ON event_daily_summary (day, source);
