-- Every email Vigil sends is first a row here, written in the same transaction as the change that
-- caused it (an alert firing, a run failing). The delivery job sends what is due and marks it; a crash
-- between sending and marking sends that row again with the same Message-ID (at-least-once, and a mail
-- client or server that deduplicates by Message-ID shows it once).
CREATE TABLE email_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- What the email is for, e.g. 'alerts:<slot>:<recipient>': queueing the same thing twice (a re-run
    -- of the same evaluation) finds the existing row instead of writing a second.
    dedupe_key      text        NOT NULL UNIQUE,
    -- Derived from dedupe_key, so it is the same on every attempt and every re-run.
    message_id      text        NOT NULL UNIQUE,
    in_reply_to     text,
    "references"    text[]      NOT NULL DEFAULT '{}',
    recipients      text[]      NOT NULL CHECK (cardinality(recipients) > 0),
    subject         text        NOT NULL,
    text_body       text        NOT NULL,
    html_body       text        NOT NULL,
    -- Extra headers, e.g. {"X-Vigil-Severity": "CRITICAL"}.
    headers         jsonb       NOT NULL DEFAULT '{}',
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz
);

CREATE INDEX email_outbox_due_idx ON email_outbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX email_outbox_created_idx ON email_outbox (created_at);
