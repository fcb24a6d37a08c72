package io.vigil.retention;

import java.time.ZoneId;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class RetentionConfiguration {

    @Bean
    PartitionDropper partitionDropper(DSLContext dsl) {
        return new PartitionDropper(dsl, new PartitionCatalog(dsl), new RollupProgress(dsl));
    }

    @Bean
    SentEmailPruner sentEmailPruner(DSLContext dsl) {
        return new SentEmailPruner(dsl);
    }

    @Bean
    AlertHistoryPruner alertHistoryPruner(DSLContext dsl) {
        return new AlertHistoryPruner(dsl);
    }

    @Bean
    StatsSnapshotPruner statsSnapshotPruner(DSLContext dsl) {
        return new StatsSnapshotPruner(dsl);
    }

    @Bean
    RunHistoryPruner runHistoryPruner(DSLContext dsl) {
        return new RunHistoryPruner(dsl, ZoneId.systemDefault());
    }
}
