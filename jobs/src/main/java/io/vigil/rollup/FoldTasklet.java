package io.vigil.rollup;

import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Folds everything up to the horizon, one window per transaction: lock the watermark, fold the window,
 * move the watermark, commit. A run killed at any point leaves the watermark at the last committed
 * window, and its restart (or the next run) continues from there; since every touched bucket is
 * recomputed from its raw rows, folding a window again could not double-count anyway.
 */
public class FoldTasklet implements Tasklet {

    static final String HORIZON = "horizon";

    private static final Logger log = LoggerFactory.getLogger(FoldTasklet.class);

    private final Fold fold;
    private final RollupHorizon horizons;
    private final Watermarks watermarks;
    private final long maxIdsPerTransaction;

    public FoldTasklet(Fold fold, RollupHorizon horizons, Watermarks watermarks, long maxIdsPerTransaction) {
        this.fold = fold;
        this.horizons = horizons;
        this.watermarks = watermarks;
        this.maxIdsPerTransaction = maxIdsPerTransaction;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ExecutionContext context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        // Kept in the step's context, so a restarted step finishes the same window it started.
        if (!context.containsKey(HORIZON)) {
            OptionalLong horizon = horizons.of(fold);
            if (horizon.isEmpty()) {
                log.warn("{}: a transaction writing to vigil.{} kept it for more than {}; nothing folded now, "
                        + "the next run folds it", fold.rollup(), fold.lockedTable(), horizons.lockWait());
                return RepeatStatus.FINISHED;
            }
            context.putLong(HORIZON, horizon.getAsLong());
        }
        long horizon = context.getLong(HORIZON);
        long watermark = watermarks.lock(fold.rollup());
        Optional<FoldWindow> window = FoldWindow.next(watermark, horizon, maxIdsPerTransaction);
        if (window.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        fold.fold(window.get());
        watermarks.advance(fold.rollup(), window.get().toInclusive());
        // The ids the window covers (some may belong to rolled-back inserts): what the run got through.
        contribution.incrementWriteCount(window.get().toInclusive() - window.get().fromExclusive());
        return RepeatStatus.continueIf(!window.get().reaches(horizon));
    }
}
