package io.vigil.event;

import io.vigil.database.MonthlyPartitions;
import io.vigil.event.parse.EventValidator;
import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class EventConfiguration {

    @Bean
    EventImporter eventImporter(DSLContext dsl, MonthlyPartitions partitions, Clock clock,
                                @Value("${vigil.events.max-future-skew:1h}") Duration maxFutureSkew,
                                @Value("${vigil.retention.events:90d}") Duration retention) {
        return new EventImporter(dsl, partitions, new EventValidator(maxFutureSkew, retention), clock);
    }

    @Bean
    EventSummaryQuery eventSummaryQuery(DSLContext dsl, Clock clock) {
        return new EventSummaryQuery(dsl, clock);
    }
}
