package io.vigil.runs;

import static io.vigil.db.jooq.Tables.BATCH_JOB_EXECUTION;
import static io.vigil.db.jooq.Tables.BATCH_JOB_EXECUTION_PARAMS;
import static io.vigil.db.jooq.Tables.BATCH_JOB_INSTANCE;
import static io.vigil.db.jooq.Tables.BATCH_STEP_EXECUTION;
import static io.vigil.db.jooq.Tables.BATCH_STEP_EXECUTION_CONTEXT;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.batch.core.repository.ExecutionContextSerializer;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;

/**
 * One run as {@code vigil jobs show} prints it, read from Spring Batch's tables with jOOQ rather than
 * through its {@code JobRepository}, so that a command which only reads needs no Spring Batch set up.
 * Only a step's failure summary is read from its execution context, with Spring Batch's own serializer.
 */
final class RunDetailQuery {

    private static final ExecutionContextSerializer SERIALIZER = new DefaultExecutionContextSerializer();

    private final DSLContext dsl;
    private final ZoneId batchZone;

    RunDetailQuery(DSLContext dsl, ZoneId batchZone) {
        this.dsl = dsl;
        this.batchZone = batchZone;
    }

    /** The run without its owner and recovery, which {@link RunQueries} adds. */
    Optional<RunDetail> find(long id, String ownerNode, RunRecovery recovery) {
        var e = BATCH_JOB_EXECUTION;
        Record run = dsl.select(e.JOB_EXECUTION_ID, BATCH_JOB_INSTANCE.JOB_NAME, e.STATUS, e.START_TIME, e.END_TIME,
                        e.EXIT_CODE, e.EXIT_MESSAGE)
                .from(e)
                .join(BATCH_JOB_INSTANCE).on(BATCH_JOB_INSTANCE.JOB_INSTANCE_ID.eq(e.JOB_INSTANCE_ID))
                .where(e.JOB_EXECUTION_ID.eq(id))
                .fetchOne();
        if (run == null) {
            return Optional.empty();
        }
        Map<String, String> parameters = parameters(id);
        RunSummary summary = new RunSummary(id, run.get(BATCH_JOB_INSTANCE.JOB_NAME), parameters.get(Slot.PARAMETER),
                run.get(e.STATUS), instant(run.get(e.START_TIME)), instant(run.get(e.END_TIME)), run.get(e.EXIT_CODE));
        return Optional.of(new RunDetail(summary, parameters, run.get(e.EXIT_MESSAGE), ownerNode, recovery, steps(id)));
    }

    private Map<String, String> parameters(long id) {
        Map<String, String> parameters = new LinkedHashMap<>();
        dsl.select(BATCH_JOB_EXECUTION_PARAMS.PARAMETER_NAME, BATCH_JOB_EXECUTION_PARAMS.PARAMETER_VALUE)
                .from(BATCH_JOB_EXECUTION_PARAMS)
                .where(BATCH_JOB_EXECUTION_PARAMS.JOB_EXECUTION_ID.eq(id))
                .orderBy(BATCH_JOB_EXECUTION_PARAMS.PARAMETER_NAME)
                .forEach(p -> parameters.put(p.value1(), p.value2()));
        return parameters;
    }

    private List<RunDetail.Step> steps(long id) {
        var s = BATCH_STEP_EXECUTION;
        var context = BATCH_STEP_EXECUTION_CONTEXT;
        return dsl.select(s.STEP_NAME, s.STATUS, s.READ_COUNT, s.WRITE_COUNT, s.FILTER_COUNT,
                        s.READ_SKIP_COUNT.plus(s.WRITE_SKIP_COUNT).plus(s.PROCESS_SKIP_COUNT), s.COMMIT_COUNT,
                        s.ROLLBACK_COUNT, s.START_TIME, s.END_TIME, s.EXIT_CODE, s.EXIT_MESSAGE,
                        context.SERIALIZED_CONTEXT, context.SHORT_CONTEXT)
                .from(s)
                .leftJoin(context).on(context.STEP_EXECUTION_ID.eq(s.STEP_EXECUTION_ID))
                .where(s.JOB_EXECUTION_ID.eq(id))
                .orderBy(s.STEP_EXECUTION_ID)
                .fetch(r -> new RunDetail.Step(r.value1(), r.value2(), count(r.value3()), count(r.value4()),
                        count(r.value5()), count(r.value6()), count(r.value7()), count(r.value8()), instant(r.value9()),
                        instant(r.value10()), r.value11(), r.value12(),
                        failure(r.value13() != null ? r.value13() : r.value14())));
    }

    /** What {@link FailureSummary} left in the step's context, as Spring Batch's own DAO would read it. */
    private static String failure(String serialized) {
        if (serialized == null) {
            return null;
        }
        try {
            Object failure = SERIALIZER.deserialize(new ByteArrayInputStream(serialized.getBytes(StandardCharsets.UTF_8)))
                    .get(FailureSummary.KEY);
            return failure == null ? null : failure.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read a step's execution context", e);
        }
    }

    private static long count(Long value) {
        return value == null ? 0 : value;
    }

    private Instant instant(LocalDateTime time) {
        return time == null ? null : time.atZone(batchZone).toInstant();
    }
}
