package io.vigil.alert;

import static io.vigil.db.jooq.Tables.ALERT_RULE;

import io.vigil.database.DeclaredRows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings {@code alert_rule} in line with {@code vigil.alerts}: declared rules added or updated, rules no
 * longer declared disabled (their active alerts still resolve), and the operators' rule for failed runs.
 * A bad rule is reported by name with what to fix and skipped; it never stops the others.
 */
public class AlertRuleSync {

    private static final Logger log = LoggerFactory.getLogger(AlertRuleSync.class);

    public record Report(List<String> synced, Map<String, String> invalid, List<String> disabled) {
    }

    private final DSLContext dsl;
    private final Clock clock;

    public AlertRuleSync(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public Report sync(AlertsProperties properties) {
        Map<String, String> invalid = new LinkedHashMap<>();
        List<AlertRule> valid = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < properties.rules().size(); i++) {
            RuleDeclaration declaration = properties.rules().get(i);
            String label = declaration.name() == null || declaration.name().isBlank()
                    ? "vigil.alerts.rules[" + i + "]" : declaration.name();
            try {
                if (!names.add(label)) {
                    throw new IllegalArgumentException("name '" + label + "' is declared twice: names must be unique");
                }
                valid.add(RuleValidator.validate(declaration));
            } catch (IllegalArgumentException e) {
                invalid.put(label, e.getMessage());
                log.error("Alert rule {} is not evaluated: {}", label, e.getMessage());
            }
        }
        valid.add(operatorsRule(properties.operators()));
        if (properties.operators().isEmpty()) {
            log.warn("vigil.alerts.operators is empty: a failed run is mailed only to the recipients of JOB_FAILED rules");
        }
        List<String> disabled = dsl.transactionResult(tx -> {
            Instant now = clock.instant();
            valid.forEach(rule -> upsert(tx.dsl(), rule, now));
            return tx.dsl().update(ALERT_RULE)
                    .set(ALERT_RULE.ENABLED, false)
                    .set(ALERT_RULE.UPDATED_AT, now)
                    .where(ALERT_RULE.ENABLED.isTrue())
                    .and(ALERT_RULE.NAME.notIn(valid.stream().map(AlertRule::name).toList()))
                    .returning(ALERT_RULE.NAME)
                    .fetch(ALERT_RULE.NAME);
        });
        disabled.forEach(name -> log.info("Alert rule {} is no longer declared: disabled, its active alerts resolve", name));
        return new Report(valid.stream().map(AlertRule::name).toList(), invalid, disabled);
    }

    private static AlertRule operatorsRule(List<String> operators) {
        return new AlertRule(0, RuleValidator.OPERATORS_RULE, ConditionType.JOB_FAILED, 0, RuleValidator.MAX_WINDOW,
                Duration.ZERO, Severity.CRITICAL, List.of(), List.of(), List.of(), operators,
                RuleDeclaration.DEFAULT_REPEAT_INTERVAL, true, true);
    }

    private static void upsert(DSLContext dsl, AlertRule rule, Instant now) {
        Map<Field<?>, Object> declared = new LinkedHashMap<>();
        declared.put(ALERT_RULE.TYPE, rule.type().name());
        declared.put(ALERT_RULE.THRESHOLD, rule.threshold());
        declared.put(ALERT_RULE.WINDOW_SECONDS, Math.toIntExact(rule.window().toSeconds()));
        declared.put(ALERT_RULE.FOR_SECONDS, Math.toIntExact(rule.pendingFor().toSeconds()));
        declared.put(ALERT_RULE.SEVERITY, rule.severity().name());
        declared.put(ALERT_RULE.SCOPE_CONNECTIONS, rule.connections().toArray(String[]::new));
        declared.put(ALERT_RULE.SCOPE_TAGS, rule.tags().toArray(String[]::new));
        declared.put(ALERT_RULE.SCOPE_JOBS, rule.jobs().toArray(String[]::new));
        declared.put(ALERT_RULE.RECIPIENTS, rule.recipients().toArray(String[]::new));
        declared.put(ALERT_RULE.REPEAT_INTERVAL_SECONDS, Math.toIntExact(rule.repeatInterval().toSeconds()));
        declared.put(ALERT_RULE.SEND_RESOLVED, rule.sendResolved());
        declared.put(ALERT_RULE.ENABLED, true);
        declared.put(ALERT_RULE.UPDATED_AT, now);
        DeclaredRows.upsert(dsl, ALERT_RULE, ALERT_RULE.NAME, rule.name(), ALERT_RULE.CREATED_AT, now, declared);
    }
}
