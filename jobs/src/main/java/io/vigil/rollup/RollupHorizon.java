package io.vigil.rollup;

import io.vigil.db.jooq.Routines;
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

    public RollupHorizon(DSLContext dsl, PlatformTransactionManager transactionManager) {
        this.dsl = dsl;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public long of(Fold fold) {
        Long horizon = ownTransaction.execute(status ->
                Routines.rollupHorizon(dsl.configuration(), fold.lockedTable(), fold.idSequence()));
        return horizon == null ? 0 : horizon;
    }
}
