package io.vigil.runs;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.jooq.DSLContext;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class RunsConfiguration {

    /** Static: a post-processor is created before the other beans, and must not need this class's instance. */
    @Bean
    static RunWideListeners runWideListeners(ObjectProvider<RunWideListener> listeners) {
        return new RunWideListeners(listeners);
    }

    @Bean
    NodeIdentity nodeIdentity() {
        return NodeIdentity.ofThisProcess();
    }

    @Bean
    NodeRegistry nodeRegistry(DSLContext dsl) {
        return new NodeRegistry(dsl);
    }

    @Bean
    NodeHeartbeat nodeHeartbeat(NodeRegistry registry, NodeIdentity node, Clock clock,
                                @Value("${vigil.node.heartbeat-interval:10s}") Duration interval,
                                @Value("${vigil.node.stale-after:60s}") Duration staleAfter) {
        return new NodeHeartbeat(registry, node, clock, interval, staleAfter);
    }

    @Bean
    LocalRuns localRuns(NodeRegistry registry, NodeIdentity node) {
        return new LocalRuns(registry, node);
    }

    @Bean
    FailureSummary failureSummary(JobRepository jobRepository) {
        return new FailureSummary(jobRepository);
    }

    @Bean
    FailedRunLog failedRunLog() {
        return new FailedRunLog();
    }

    @Bean
    GracefulShutdown gracefulShutdown(LocalRuns localRuns, JobOperator jobOperator,
                                      @Value("${vigil.shutdown.timeout:60s}") Duration timeout) {
        return new GracefulShutdown(localRuns, jobOperator, timeout);
    }

    @Bean
    RunLookup runLookup(DSLContext dsl, JobRepository jobRepository) {
        return new RunLookup(dsl, jobRepository);
    }

    @Bean
    RunRecoveries runRecoveries(DSLContext dsl) {
        return new RunRecoveries(dsl);
    }

    @Bean
    OwnershipFence ownershipFence(RunRecoveries recoveries, NodeIdentity node) {
        return new OwnershipFence(recoveries, node);
    }

    @Bean
    StaleRuns staleRuns(DSLContext dsl, NodeRegistry nodes, Clock clock,
                        @Value("${vigil.node.stale-after:60s}") Duration staleAfter) {
        return new StaleRuns(dsl, nodes, clock, staleAfter);
    }

    @Bean
    StaleRunRecovery staleRunRecovery(DSLContext dsl, StaleRuns stale, NodeRegistry nodes, RunLookup runs,
                                      RunRecoveries recoveries, JobOperator jobOperator, NodeLossPolicy policy,
                                      NodeIdentity node, Clock clock, ObjectProvider<RecoveredRunObserver> observers) {
        return new StaleRunRecovery(dsl, stale, nodes, runs, recoveries, jobOperator, policy, node, clock,
                observers.orderedStream().toList());
    }

    @Bean
    OrphanInstances orphanInstances(DSLContext dsl, Clock clock, @Value("${vigil.node.stale-after:60s}") Duration staleAfter) {
        return new OrphanInstances(dsl, clock, staleAfter);
    }

    @Bean
    RecoverySweep recoverySweep(StaleRunRecovery recovery, OrphanInstances orphans, RunLookup runs,
                                JobOperator jobOperator, @Value("${vigil.node.heartbeat-interval:10s}") Duration interval) {
        return new RecoverySweep(recovery, orphans, runs, jobOperator, interval);
    }

    @Bean
    RunQueries runQueries(DSLContext dsl, Clock clock, @Value("${vigil.node.stale-after:60s}") Duration staleAfter) {
        return new RunQueries(dsl, clock, staleAfter, ZoneId.systemDefault());
    }

    /** Spring Batch's record of runs that ended this long ago. */
    @Bean
    Pruner runHistoryPruner(DSLContext dsl) {
        return new Pruner("batch-metadata", "pruneRunHistory", Duration.ofDays(90),
                new RunHistoryPruner(dsl, ZoneId.systemDefault())::pruneEndedBefore);
    }

    /** Nodes silent this long: they died long ago, and {@code vigil nodes} need not list them any more. */
    @Bean
    Pruner silentNodePruner(NodeRegistry nodes) {
        return new Pruner("nodes", "pruneSilentNodes", Duration.ofDays(7), nodes::forgetSilentSince);
    }
}
