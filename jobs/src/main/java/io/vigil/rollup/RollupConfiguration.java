package io.vigil.rollup;

import io.vigil.database.PartitionDropper;
import io.vigil.database.PartitionedTable;
import io.vigil.runs.Pruner;
import java.time.Duration;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the rollup classes; none of them knows about Spring Batch but the tasklet. */
@Configuration(proxyBeanMethods = false)
public class RollupConfiguration {

    @Bean
    EventHourlyFold eventHourlyFold(DSLContext dsl) {
        return new EventHourlyFold(dsl);
    }

    @Bean
    HealthHourlyFold healthHourlyFold(DSLContext dsl) {
        return new HealthHourlyFold(dsl);
    }

    @Bean
    RollupHorizon rollupHorizon(DSLContext dsl, PlatformTransactionManager transactionManager,
                                RollupProperties properties) {
        return new RollupHorizon(dsl, transactionManager, properties.horizonLockWait());
    }

    @Bean
    Watermarks watermarks(DSLContext dsl) {
        return new Watermarks(dsl);
    }

    @Bean
    DailyRollup dailyRollup(DSLContext dsl) {
        return new DailyRollup(dsl);
    }

    @Bean
    MaterializedViews materializedViews(DSLContext dsl) {
        return new MaterializedViews(dsl);
    }

    @Bean
    RawPartitionPruning rawPartitionPruning(DSLContext dsl) {
        return new RawPartitionPruning(new PartitionDropper(dsl), new RollupProgress(dsl));
    }

    /** A month of raw health checks goes once it is all older than this and rolled up; the rollups stay. */
    @Bean
    Pruner healthChecksPruner(RawPartitionPruning raw) {
        return new Pruner("health-checks", "dropHealthChecks", Duration.ofDays(35),
                cutoff -> raw.dropOlderThan(PartitionedTable.HEALTH_CHECK, cutoff));
    }

    @Bean
    Pruner eventsPruner(RawPartitionPruning raw) {
        return new Pruner("events", "dropEvents", Duration.ofDays(90),
                cutoff -> raw.dropOlderThan(PartitionedTable.EVENT, cutoff));
    }
}
