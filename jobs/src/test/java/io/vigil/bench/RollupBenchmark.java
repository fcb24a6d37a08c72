package io.vigil.bench;

import io.vigil.VigilApplication;
import io.vigil.database.MonthlyPartitions;
import io.vigil.database.PartitionedTable;
import io.vigil.rollup.RollupJobConfiguration;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.PostgresServer;
import io.vigil.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * rollupJob against bare INSERT ... SELECT ... GROUP BY statements computing the same hourly aggregates
 * on the same events, in one run on one embedded PostgreSQL with default settings; then the incremental
 * case: new events (some of them late) folded on top. Not a test: run it as a program (docs/benchmarks.md).
 *
 * <p>Arguments: [events (10000000)] [new events (100000)].
 */
public final class RollupBenchmark {

    private static final String EXACT_MEASURES = """
            count(*), count(*) FILTER (WHERE outcome = 'FAILURE'),
            (count(*) FILTER (WHERE outcome = 'FAILURE'))::float8 / count(*),
            count(DISTINCT subject), count(value), sum(value), min(value), max(value), avg(value),
            percentile_cont(0.95) WITHIN GROUP (ORDER BY value), now()""";

    private static final String ADDITIVE_MEASURES = """
            count(*), count(*) FILTER (WHERE outcome = 'FAILURE'), count(value), sum(value), min(value), max(value)""";

    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int increment = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        TestDatabase database = PostgresServer.newDatabase("rollup_bench");
        DSLContext dsl = database.dsl();
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant start = end.minus(Duration.ofDays(30));
        new MonthlyPartitions(dsl).ensure(PartitionedTable.EVENT, start, 2);

        long t = System.nanoTime();
        generate(dsl, start, end, 0, events, 0.0);
        dsl.execute("VACUUM ANALYZE vigil.event");
        report("generated %,d events over 30 days (in time order) and analysed them", t, events);
        dsl.fetchValue("SELECT count(*) FROM vigil.event"); // warm the cache for whoever goes first

        dsl.execute("CREATE TABLE vigil.bench_additive (hour timestamptz, source text, type text, events bigint, "
                + "failures bigint, value_count bigint, value_sum float8, value_min float8, value_max float8)");
        dsl.execute("CREATE TABLE vigil.bench_exact (LIKE vigil.event_rollup_hourly INCLUDING ALL)");
        t = System.nanoTime();
        dsl.execute("INSERT INTO vigil.bench_additive SELECT date_trunc('hour', occurred_at, 'UTC'), source, type, "
                + ADDITIVE_MEASURES + " FROM vigil.event GROUP BY 1, 2, 3");
        double additive = report("bare INSERT ... SELECT ... GROUP BY, additive aggregates only", t, events);
        t = System.nanoTime();
        dsl.execute("INSERT INTO vigil.bench_exact SELECT date_trunc('hour', occurred_at, 'UTC'), source, type, "
                + EXACT_MEASURES + " FROM vigil.event GROUP BY 1, 2, 3");
        double exact = report("bare INSERT ... SELECT ... GROUP BY, all aggregates (distinct subjects, p95)", t, events);

        try (ConfigurableApplicationContext spring = vigil(database)) {
            SlotLauncher launcher = spring.getBean(SlotLauncher.class);
            Instant slot = end.plus(Duration.ofMinutes(5));
            JobExecution full = run(launcher, slot);
            double job = rate(events, foldEvents(full));
            System.out.printf(Locale.ROOT, "%-75s %8.2f s  %,12.0f events/s  (%.0f%% of the bare statement; whole job %.2f s)%n",
                    "rollupJob, foldEvents step, all aggregates", seconds(foldEvents(full)), job, 100 * job / exact,
                    seconds(Duration.between(full.getStartTime(), full.getEndTime())));
            long differences = dsl.fetchValue(DSL.field("""
                    (SELECT count(*) FROM (SELECT hour, source, type, events, failures, distinct_subjects, value_count,
                            round(value_sum::numeric, 4), value_min, value_max, round(value_avg::numeric, 4),
                            round(value_p95::numeric, 4) FROM vigil.event_rollup_hourly
                        EXCEPT SELECT hour, source, type, events, failures, distinct_subjects, value_count,
                            round(value_sum::numeric, 4), value_min, value_max, round(value_avg::numeric, 4),
                            round(value_p95::numeric, 4) FROM vigil.bench_exact) d)""", SQLDataType.BIGINT));
            int rows = dsl.fetchCount(DSL.table("vigil.event_rollup_hourly"));
            System.out.println("rows of the rollup that differ from the bare statement's: " + differences + " (of " + rows + ")");
            if (differences != 0 || rows == 0) {
                throw new IllegalStateException("the rollup does not equal the bare statement's result");
            }
            t = System.nanoTime();
            dsl.execute("INSERT INTO vigil.bench_exact SELECT date_trunc('hour', occurred_at, 'UTC'), source, type, "
                    + EXACT_MEASURES + " FROM vigil.event GROUP BY 1, 2, 3 ON CONFLICT DO NOTHING");
            report("bare statement again, after the job (same work, no rows kept)", t, events);

            // New events around the end of the data (half in hours that have rollup rows, half in a new
            // hour), 5% of them late by up to six hours; then the same with the late ones spread over
            // the whole month, which makes the fold recompute most of the table's old buckets.
            incremental(dsl, launcher, slot.plus(Duration.ofMinutes(5)), end, events, increment, Duration.ofHours(6));
            incremental(dsl, launcher, slot.plus(Duration.ofMinutes(10)), end.plus(Duration.ofHours(1)),
                    events + increment, increment, Duration.ofDays(29));
        }
        System.out.printf(Locale.ROOT, "additive-only bare statement: %,.0f events/s; all aggregates: %,.0f events/s%n",
                additive, exact);
        System.exit(0);
    }

    private static void incremental(DSLContext dsl, SlotLauncher launcher, Instant slot, Instant around, int offset,
                                    int increment, Duration lateBy) {
        long t = System.nanoTime();
        generate(dsl, around.minus(Duration.ofMinutes(30)), around.plus(Duration.ofMinutes(30)), offset, increment, 0.05, lateBy);
        report("generated %,d new events, 5%% of them late by up to " + lateBy.toHours() + " h", t, increment);
        long buckets = dsl.fetchValue(DSL.field("(SELECT count(DISTINCT (date_trunc('hour', occurred_at, 'UTC'), source, type)) "
                + "FROM vigil.event WHERE id > " + offset + ")", SQLDataType.BIGINT));
        JobExecution run = run(launcher, slot);
        System.out.printf(Locale.ROOT, "%-75s %8.3f s  (whole job %.3f s; %,d buckets touched)%n",
                String.format(Locale.ROOT, "rollupJob folding them on top of %,d, foldEvents step", offset),
                seconds(foldEvents(run)), seconds(Duration.between(run.getStartTime(), run.getEndTime())), buckets);
    }

    /**
     * {@code count} events numbered after {@code offset}, evenly over [start, end), a share of them late
     * by up to {@code lateBy} before start.
     */
    private static void generate(DSLContext dsl, Instant start, Instant end, int offset, int count, double lateShare) {
        generate(dsl, start, end, offset, count, lateShare, Duration.ZERO);
    }

    private static void generate(DSLContext dsl, Instant start, Instant end, int offset, int count, double lateShare,
                                 Duration lateBy) {
        dsl.execute("""
                INSERT INTO vigil.event (occurred_at, source, type, subject, value, outcome)
                SELECT CASE WHEN random() < {3} THEN {0} - random() * {5}
                            ELSE {0} + ((g - {4})::float8 / {2}) * ({1} - {0}) END,
                       (ARRAY['shop', 'billing', 'search', 'auth'])[1 + g % 4],
                       (ARRAY['page_view', 'checkout', 'login'])[1 + (g / 4) % 3],
                       'user-' || (random() * 4999)::int,
                       CASE WHEN g % 5 <> 0 THEN round((random() * 200)::numeric, 2)::float8 END,
                       CASE WHEN random() < 0.03 THEN 'FAILURE' WHEN g % 7 = 0 THEN NULL ELSE 'SUCCESS' END
                FROM generate_series({4}, {4} + {2} - 1) AS g""",
                time(start), time(end), DSL.val(count).cast(SQLDataType.INTEGER),
                DSL.val(lateShare).cast(SQLDataType.DOUBLE), DSL.val(offset).cast(SQLDataType.INTEGER),
                DSL.field("make_interval(secs => {0})", Object.class, DSL.val((double) lateBy.toSeconds())));
    }

    private static org.jooq.Field<Instant> time(Instant instant) {
        return DSL.val(instant).cast(SQLDataType.INSTANT);
    }

    private static ConfigurableApplicationContext vigil(TestDatabase database) {
        return new SpringApplicationBuilder(VigilApplication.class)
                .web(WebApplicationType.NONE)
                // As arguments: they outrank application.yml, which would otherwise start an embedded server.
                .run("--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
                        "--spring.quartz.auto-startup=false", "--logging.level.root=WARN");
    }

    private static JobExecution run(SlotLauncher launcher, Instant slot) {
        JobExecution execution = ((SlotLauncher.Started) launcher.launch(RollupJobConfiguration.JOB, Slot.of(slot), "bench")).execution();
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("rollupJob " + execution.getStatus() + ": " + execution.getAllFailureExceptions());
        }
        return execution;
    }

    private static Duration foldEvents(JobExecution execution) {
        StepExecution step = execution.getStepExecutions().stream()
                .filter(s -> s.getStepName().equals("foldEvents")).findFirst().orElseThrow();
        return Duration.between(step.getStartTime(), step.getEndTime());
    }

    private static double report(String what, long startedNanos, int events) {
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        double rate = rate(events, took);
        System.out.printf(Locale.ROOT, "%-75s %8.2f s  %,12.0f events/s%n", String.format(Locale.ROOT, what, events),
                seconds(took), rate);
        return rate;
    }

    private static double rate(int events, Duration took) {
        return events / seconds(took);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private RollupBenchmark() {
    }
}
