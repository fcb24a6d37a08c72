package io.vigil.alert.evaluation;

import io.vigil.alert.rule.ConditionType;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * When the trouble an alert is about began, as a reader means "since": the time of the first failing check
 * of the episode, not the slot at which the rule's condition first held (two DOWN checks in a row hold
 * at the second, five minutes after the target went down).
 */
public final class EpisodeStart {

    private EpisodeStart() {
    }

    /**
     * The run of failing checks that ends at the newest failing check at or before {@code conditionSince},
     * walked back to its first. Checks the rule does not judge neither break nor extend it: SKIPPED ones (an
     * open circuit) for every rule, as for the DOWN rule, and failed ones for LATENCY, which judges answers.
     * For rules judged on stats (CONNECTIONS, MEMORY, RESTARTED, REPLICATION_LAG) or runs, and when no
     * failing check is known, {@code conditionSince} itself.
     */
    public static Instant of(ConditionType type, ConnectionHistory history, Instant conditionSince) {
        Predicate<Check> failing = failing(type, history);
        if (failing == null) {
            return conditionSince;
        }
        Predicate<Check> judged = type == ConditionType.LATENCY ? Check::available : Check::probed;
        List<Check> probed = history.checks().stream().filter(judged)
                .filter(c -> !c.slot().isAfter(conditionSince)).toList();
        int i = probed.size() - 1;
        while (i >= 0 && !failing.test(probed.get(i))) {
            i--;
        }
        if (i < 0) {
            return conditionSince;
        }
        while (i > 0 && failing.test(probed.get(i - 1))) {
            i--;
        }
        return probed.get(i).checkedAt();
    }

    private static Predicate<Check> failing(ConditionType type, ConnectionHistory history) {
        long slo = history.latencySlo().toMillis();
        return switch (type) {
            case DOWN, AVAILABILITY -> c -> !c.available();
            case LATENCY -> c -> c.latencyMs() != null && c.latencyMs() > slo;
            case CONNECTIONS, MEMORY, RESTARTED, REPLICATION_LAG, JOB_FAILED -> null;
        };
    }
}
