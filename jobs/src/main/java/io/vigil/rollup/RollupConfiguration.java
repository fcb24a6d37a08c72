package io.vigil.rollup;

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
}
