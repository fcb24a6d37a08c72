-- Vigil's own tables for the fleet and its health checks. Flyway runs this with search_path = vigil.

-- The fleet. Credentials are a reference (the name of an environment variable), never the secret.
CREATE TABLE monitored_connection (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            text        NOT NULL UNIQUE,
    provider        text        NOT NULL CHECK (provider IN ('POSTGRESQL', 'MYSQL', 'REDIS', 'HTTP')),
    address         text        NOT NULL,
    username        text,
    credentials_ref text,
    timeout_ms      integer     NOT NULL CHECK (timeout_ms > 0),
    latency_slo_ms  integer     NOT NULL CHECK (latency_slo_ms > 0),
    tags            text[]      NOT NULL DEFAULT '{}',
    enabled         boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- One row per probe and slot: re-running a slot overwrites, never duplicates.
CREATE TABLE health_check (
    connection_id    bigint           NOT NULL REFERENCES monitored_connection (id) ON DELETE CASCADE,
    slot             timestamptz      NOT NULL,
    checked_at       timestamptz      NOT NULL,
    status           text             NOT NULL CHECK (status IN ('UP', 'DEGRADED', 'DOWN', 'SKIPPED')),
    latency_ms       double precision,
    error_class      text,
    error_message    text,
    details          jsonb,
    job_execution_id bigint,
    PRIMARY KEY (connection_id, slot)
) PARTITION BY RANGE (slot);

CREATE INDEX health_check_checked_at_idx ON health_check (checked_at);

CREATE TABLE circuit_state (
    connection_id        bigint      PRIMARY KEY REFERENCES monitored_connection (id) ON DELETE CASCADE,
    state                text        NOT NULL CHECK (state IN ('CLOSED', 'OPEN')),
    consecutive_failures integer     NOT NULL DEFAULT 0,
    opened_at            timestamptz,
    next_attempt_at      timestamptz,
    -- The slot last applied: a re-run of the same slot must not count its failures twice.
    last_slot            timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);

-- What a probe learns beyond "up". Provider-specific extras (dead tuples, unused indexes) are in details.
CREATE TABLE db_stats_snapshot (
    connection_id               bigint      NOT NULL REFERENCES monitored_connection (id) ON DELETE CASCADE,
    slot                        timestamptz NOT NULL,
    taken_at                    timestamptz NOT NULL,
    server_version              text,
    connections_used            integer,
    connections_max             integer,
    cache_hit_ratio             double precision,
    database_size_bytes         bigint,
    longest_transaction_seconds double precision,
    memory_used_bytes           bigint,
    memory_max_bytes            bigint,
    keyspace_hit_rate           double precision,
    details                     jsonb,
    PRIMARY KEY (connection_id, slot)
);

-- Every process that runs jobs checks in here; a run whose node stopped checking in is recoverable.
CREATE TABLE node (
    node_id    text        PRIMARY KEY,
    host       text        NOT NULL,
    pid        bigint      NOT NULL,
    started_at timestamptz NOT NULL,
    last_seen  timestamptz NOT NULL
);

CREATE TABLE job_run_owner (
    job_execution_id bigint PRIMARY KEY,
    node_id          text   NOT NULL
);

-- Creates the monthly partition of a table partitioned by range on a timestamptz column, if missing.
-- Named <table>_yYYYYmMM. Called through jOOQ's generated routine, with bind values.
CREATE FUNCTION ensure_monthly_partition(parent_table text, month_start date) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    first_day date := date_trunc('month', month_start)::date;
    partition_name text := format('%s_y%sm%s', parent_table, to_char(first_day, 'YYYY'), to_char(first_day, 'MM'));
BEGIN
    IF to_regclass(format('vigil.%I', partition_name)) IS NULL THEN
        EXECUTE format('CREATE TABLE IF NOT EXISTS vigil.%I PARTITION OF vigil.%I FOR VALUES FROM (%L) TO (%L)',
                       partition_name, parent_table,
                       first_day::timestamp AT TIME ZONE 'UTC',
                       (first_day + interval '1 month')::timestamp AT TIME ZONE 'UTC');
    END IF;
    RETURN partition_name;
END;
$$;
