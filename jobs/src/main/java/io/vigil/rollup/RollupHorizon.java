package io.vigil.rollup;

import io.vigil.db.jooq.Routines;
import java.time.Duration;
import java.util.OptionalLong;
import org.jooq.DSLContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the next fold may go up to: every row numbered at or below it is committed (or rolled back).
 * Read in a short transaction of its own (SQL function rollup_horizon, V4, explains the lock), committed
 * before the fold reads anything, so the fold's snapshot sees every row up to the horizon.
 */
public class RollupHorizon {

    private final DSLContext dsl;
    private final TransactionTemplate ownTransaction;
    private final Duration lockWait;

    public RollupHorizon(DSLContext dsl, PlatformTransactionManager transactionManager, Duration lockWait) {
        this.dsl = dsl;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.lockWait = lockWait;
    }

    /** Empty when a writer kept the table longer than the lock wait: fold nothing now, try next run. */
    public OptionalLong of(Fold fold) {
        Long horizon = ownTransaction.execute(status -> Routines.rollupHorizon(dsl.configuration(),
                fold.lockedTable(), fold.idSequence(), (int) lockWait.toMillis()));
        return horizon == null ? OptionalLong.empty() : OptionalLong.of(horizon);
    }

    Duration lockWait() {
        return lockWait;
    }
}
