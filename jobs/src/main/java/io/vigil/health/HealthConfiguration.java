package io.vigil.health;

import io.vigil.health.circuit.CircuitBreaker;
import io.vigil.health.fleet.ConnectionDetailQuery;
import io.vigil.health.fleet.FleetProperties;
import io.vigil.health.fleet.FleetQueries;
import io.vigil.health.fleet.FleetRepository;
import io.vigil.health.fleet.FleetSync;
import io.vigil.health.fleet.SecretResolver;
import io.vigil.health.probe.ProbeFanOut;
import io.vigil.health.probe.Probes;
import io.vigil.health.status.HealthStatusClassifier;
import io.vigil.runs.Pruner;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.DSLContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the health-check domain classes; none of them knows about Spring. */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SecretResolver secretResolver() {
        return SecretResolver.environment();
    }

    @Bean
    @ConditionalOnMissingBean
    Probes probes() {
        return Probes.defaults();
    }

    @Bean
    FleetRepository fleetRepository(DSLContext dsl) {
        return new FleetRepository(dsl);
    }

    @Bean
    FleetQueries fleetQueries(DSLContext dsl) {
        return new FleetQueries(dsl);
    }

    @Bean
    ConnectionDetailQuery connectionDetailQuery(DSLContext dsl, Clock clock) {
        return new ConnectionDetailQuery(dsl, clock);
    }

    @Bean
    FleetSync fleetSync(DSLContext dsl, SecretResolver secrets, Clock clock, FleetProperties fleet) {
        return new FleetSync(dsl, secrets, clock, fleet);
    }

    @Bean
    CircuitRepository circuitRepository(DSLContext dsl) {
        return new CircuitRepository(dsl);
    }

    @Bean
    PreviousStatuses previousStatuses(DSLContext dsl) {
        return new PreviousStatuses(dsl);
    }

    @Bean
    PreviousSnapshots previousSnapshots(DSLContext dsl) {
        return new PreviousSnapshots(dsl);
    }

    @Bean
    CircuitReset circuitReset(FleetRepository fleet, CircuitRepository circuits, Clock clock) {
        return new CircuitReset(fleet, circuits, clock);
    }

    @Bean
    CircuitBreaker circuitBreaker(HealthProperties properties) {
        HealthProperties.Circuit c = properties.circuit();
        return new CircuitBreaker(c.failureThreshold(), c.baseDelay(), c.maxDelay(), c.jitter(), c.quickProbeTimeout(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    @Bean
    HealthStatusClassifier healthStatusClassifier(HealthProperties properties) {
        return new HealthStatusClassifier(properties.degraded().connectionsRatio(), properties.degraded().memoryRatio());
    }

    @Bean
    HealthCheckProcessor healthCheckProcessor(HealthStatusClassifier classifier, CircuitBreaker breaker) {
        return new HealthCheckProcessor(classifier, breaker);
    }

    @Bean
    ProbeTargets probeTargets(SecretResolver secrets) {
        return new ProbeTargets(secrets);
    }

    @Bean
    ProbeFanOut probeFanOut(Probes probes, HealthProperties properties) {
        return new ProbeFanOut(probes, properties.maxInFlight(), properties.deadlineGrace());
    }

    @Bean
    HealthCheckService healthCheckService(FleetRepository fleet, ProbeTargets targets, ProbeFanOut fanOut,
                                          HealthCheckProcessor processor, Clock clock) {
        return new HealthCheckService(fleet, targets, fanOut, processor, clock);
    }

    /** Stats snapshots: kept longer than the checks, since growth trends want a long history. */
    @Bean
    Pruner statsSnapshotsPruner(DSLContext dsl) {
        return new Pruner("stats-snapshots", "pruneStatsSnapshots", Duration.ofDays(90),
                new StatsSnapshotPruner(dsl)::pruneBefore);
    }
}
