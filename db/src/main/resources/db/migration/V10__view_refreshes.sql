-- When each materialised view was last refreshed. PostgreSQL keeps no such record, and an operator
-- reading a summary must know how old it is. Written in the refresh's own transaction with its now(),
-- which is the instant the view's windows were computed from.
CREATE TABLE view_refresh (
    view_name    text        PRIMARY KEY,
    refreshed_at timestamptz NOT NULL
);

-- connection_health_summary as in V4, plus the skipped checks of each period: availability rests on
-- checks - skipped (a skipped check measured nothing), and saying how many real checks a figure rests
-- on needs both. Recreated WITH NO DATA, like the original: the next dailyRollupJob populates it.
DROP MATERIALIZED VIEW connection_health_summary;

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
       last_failure.error_message AS last_failure_message,
       coalesce(t.skipped, 0) AS skipped
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
