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
        if (item.outcome() == null) {
            return new HealthCheckResult(item.connection().id(), item.connection().name(), HealthStatus.SKIPPED, null,
                    null, null, skippedDetails(item.circuit()), null, item.checkedAt(), item.circuit(), null);
        }
        if (item.quickTimeout() != null) {
            return quick(item, item.outcome());
        }
        HealthStatusClassifier.Verdict verdict = classifier.classify(item.outcome(), item.connection().latencySlo());
        Circuit after = item.probed()
                ? breaker.afterProbe(item.circuit(), verdict.status() != HealthStatus.DOWN, item.checkedAt())
                : item.circuit();
        return result(item, verdict, after);
    }

    /**
     * A quick probe of a connection whose circuit is open. An answer or a fast failure is a real check,
     * judged as any; no answer within the quick bound says nothing about a target that may just be slow,
     * so the check is SKIPPED, and the full probe due at the circuit's next attempt decides.
     */
    private HealthCheckResult quick(ProbedConnection item, ProbeOutcome outcome) {
        CircuitBreaker.QuickResult result = CircuitBreaker.quickResult(outcome.reachable(), outcome.latency(),
                item.quickTimeout());
        Circuit circuit = item.circuit();
        if (result == CircuitBreaker.QuickResult.NO_ANSWER) {
            return new HealthCheckResult(item.connection().id(), item.connection().name(), HealthStatus.SKIPPED, null,
                    outcome.errorClass(), "no answer within the quick probe's " + item.quickTimeout().toMillis()
                            + " ms while the circuit is open: a full probe at " + circuit.nextAttemptAt(),
                    skippedDetails(circuit), null, item.checkedAt(), circuit, null);
        }
        HealthStatusClassifier.Verdict verdict = classifier.classify(outcome, item.connection().latencySlo());
        return result(item, verdict, breaker.afterQuickProbe(circuit, result));
    }

    private HealthCheckResult result(ProbedConnection item, HealthStatusClassifier.Verdict verdict, Circuit after) {
        ProbeOutcome outcome = item.outcome();
        Map<String, Object> details = new LinkedHashMap<>(outcome.details() == null ? Map.of() : outcome.details());
        if (verdict.status() == HealthStatus.DEGRADED) {
            details.put(HealthCheckResult.DEGRADED_BECAUSE, verdict.reason());
        }
        if (item.quickTimeout() != null) {
            details.put("quickProbe", true);
        }
        return new HealthCheckResult(item.connection().id(), item.connection().name(), verdict.status(),
                outcome.latency().toNanos() / 1_000_000.0, outcome.errorClass(), outcome.errorMessage(), details,
                outcome.stats(), item.checkedAt(), item.circuit(), after.equals(item.circuit()) ? null : after);
    }

    private static Map<String, Object> skippedDetails(Circuit circuit) {
        return Map.of("circuit", "open", "nextAttemptAt", String.valueOf(circuit.nextAttemptAt()),
                "consecutiveFailures", circuit.consecutiveFailures());
    }
}
