package io.vigil.health;

import io.vigil.health.circuit.Circuit;
import io.vigil.health.circuit.CircuitBreaker;
import io.vigil.health.probe.ProbeOutcome;
import io.vigil.health.status.HealthStatus;
import io.vigil.health.status.HealthStatusClassifier;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Decides each connection's status and moves its circuit. */
public class HealthCheckProcessor implements ItemProcessor<ProbedConnection, HealthCheckResult> {

    private final HealthStatusClassifier classifier;
    private final CircuitBreaker breaker;

    public HealthCheckProcessor(HealthStatusClassifier classifier, CircuitBreaker breaker) {
        this.classifier = classifier;
        this.breaker = breaker;
    }

    @Override
    public HealthCheckResult process(ProbedConnection item) {
        long id = item.connection().id();
        String name = item.connection().name();
        if (item.outcome() == null) {
            Circuit circuit = item.circuit();
            return new HealthCheckResult(id, name, HealthStatus.SKIPPED, null, null, null,
                    Map.of("circuit", "open", "nextAttemptAt", String.valueOf(circuit.nextAttemptAt()),
                            "consecutiveFailures", circuit.consecutiveFailures()),
                    null, item.checkedAt(), null);
        }
        ProbeOutcome outcome = item.outcome();
        HealthStatusClassifier.Verdict verdict = classifier.classify(outcome, item.connection().latencySlo());
        Map<String, Object> details = new LinkedHashMap<>(outcome.details() == null ? Map.of() : outcome.details());
        if (verdict.status() == HealthStatus.DEGRADED) {
            details.put("degradedBecause", verdict.reason());
        }
        Circuit after = item.probed()
                ? breaker.afterProbe(item.circuit(), verdict.status() != HealthStatus.DOWN, item.checkedAt())
                : item.circuit();
        return new HealthCheckResult(id, name, verdict.status(), outcome.latency().toNanos() / 1_000_000.0,
                outcome.errorClass(), outcome.errorMessage(), details, outcome.stats(), item.checkedAt(),
                after.equals(item.circuit()) ? null : after);
    }
}
