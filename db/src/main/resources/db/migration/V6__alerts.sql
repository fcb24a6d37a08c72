-- Alert rules, the alerts they raise, silences, and which emails notified which alert.

-- Synced from vigil.alerts.rules at start. A rule no longer declared is disabled, not deleted, so its
-- active alerts can still resolve (and mail their recipients) and its history stays readable.
CREATE TABLE alert_rule (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                    text        NOT NULL UNIQUE,
    type                    text        NOT NULL CHECK (type IN ('DOWN', 'AVAILABILITY', 'LATENCY', 'CONNECTIONS',
                                                                 'MEMORY', 'JOB_FAILED')),
    -- DOWN: consecutive checks; AVAILABILITY: percent; CONNECTIONS, MEMORY: ratio of the maximum; else unused.
    threshold               double precision NOT NULL,
    window_seconds          integer     NOT NULL CHECK (window_seconds > 0),
    for_seconds             integer     NOT NULL CHECK (for_seconds >= 0),
    severity                text        NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
    -- Empty scope lists mean every connection (or every job, for JOB_FAILED).
    scope_connections       text[]      NOT NULL DEFAULT '{}',
    scope_tags              text[]      NOT NULL DEFAULT '{}',
    scope_jobs              text[]      NOT NULL DEFAULT '{}',
    recipients              text[]      NOT NULL DEFAULT '{}',
    repeat_interval_seconds integer     NOT NULL CHECK (repeat_interval_seconds > 0),
    send_resolved           boolean     NOT NULL,
    enabled                 boolean     NOT NULL DEFAULT true,
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL
);

CREATE TABLE alert (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rule_id               bigint      NOT NULL REFERENCES alert_rule (id) ON DELETE CASCADE,
    -- What the alert is about: a connection's name, or a job's name for JOB_FAILED.
    subject               text        NOT NULL,
    connection_id         bigint      REFERENCES monitored_connection (id) ON DELETE SET NULL,
    state                 text        NOT NULL CHECK (state IN ('PENDING', 'FIRING', 'RESOLVED')),
    -- When the condition started to hold (PENDING since), when it fired, when it resolved.
    since                 timestamptz NOT NULL,
    fired_at              timestamptz,
    resolved_at           timestamptz,
    -- Set while a FIRING alert's condition does not hold: it resolves once that lasts keep-firing-for.
    condition_false_since timestamptz,
    last_evaluated_slot   timestamptz,
    -- Whether the firing went out to anyone: only then is a resolution mailed (as Alertmanager does).
    firing_notified       boolean     NOT NULL DEFAULT false,
    last_notified_at      timestamptz,
    -- The latest cause in a line, built from already scrubbed data only (never a secret).
    description           text        NOT NULL,
    -- Facts for the email that the tables do not keep, e.g. the failed run of a JOB_FAILED alert.
    details               jsonb,
    updated_at            timestamptz NOT NULL,
    CHECK ((state = 'RESOLVED') = (resolved_at IS NOT NULL))
);

-- One active alert per rule and subject; resolved ones are history.
CREATE UNIQUE INDEX alert_active_uq ON alert (rule_id, subject) WHERE state <> 'RESOLVED';
CREATE INDEX alert_resolved_at_idx ON alert (resolved_at);

-- One row per evaluation slot: a re-run of a slot, or an older slot run late, changes nothing.
CREATE TABLE alert_evaluation (
    slot           timestamptz PRIMARY KEY,
    evaluated_at   timestamptz NOT NULL,
    alerts_changed integer     NOT NULL,
    emails_queued  integer     NOT NULL
);

-- A silenced alert still changes state but mails nobody.
CREATE TABLE silence (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    connection_name text,
    tag             text,
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL,
    comment         text        NOT NULL CHECK (comment <> ''),
    author          text        NOT NULL CHECK (author <> ''),
    created_at      timestamptz NOT NULL,
    expired_at      timestamptz,
    CHECK ((connection_name IS NULL) <> (tag IS NULL)),
    CHECK (ends_at > starts_at)
);

CREATE INDEX silence_ends_at_idx ON silence (ends_at);

-- Which emails notified which alert: the thread a resolved or repeated email answers. Cascades from both
-- sides, so pruning old outbox rows (or old alerts) needs nothing else.
CREATE TABLE alert_email (
    alert_id        bigint NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
    email_outbox_id bigint NOT NULL REFERENCES email_outbox (id) ON DELETE CASCADE,
    kind            text   NOT NULL CHECK (kind IN ('FIRING', 'REPEAT', 'RESOLVED')),
    PRIMARY KEY (alert_id, email_outbox_id)
);

CREATE INDEX alert_email_outbox_idx ON alert_email (email_outbox_id);
