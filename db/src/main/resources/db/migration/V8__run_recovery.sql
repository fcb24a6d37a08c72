-- A run taken from a node that stopped checking in: who took it, when, and what was done with its slot.
-- Written in the same transaction that marks the run FAILED, so a recovery is recorded exactly when it
-- happened; the row is also how a node that was only paused learns, when it wakes, that the run is no
-- longer its own.
CREATE TABLE run_recovery (
    job_execution_id bigint      PRIMARY KEY,
    job_name         text        NOT NULL,
    lost_node        text,
    recovered_by     text        NOT NULL,
    recovered_at     timestamptz NOT NULL,
    action           text        NOT NULL CHECK (action IN ('RESTART', 'LEAVE')),
    reason           text        NOT NULL,
    restarted_as     bigint
);
