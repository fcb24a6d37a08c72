package io.vigil.alert.rule;

import static io.vigil.db.jooq.Tables.ALERT_RULE;

import io.vigil.db.jooq.tables.records.AlertRuleRecord;
import io.vigil.runs.DeclaredRows;
import io.vigil.runs.DeclaredSync;
import io.vigil.runs.SyncReport;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings {@code alert_rule} in line with {@code vigil.alerts}: declared rules added or updated, rules no
 * longer declared disabled (their active alerts still resolve), and the operators' rule for failed runs.
 * A bad rule is reported by name with what to fix and skipped; it never stops the others.
 */
public class AlertRuleSync implements DeclaredSync {

    private static final Logger log = LoggerFactory.getLogger(AlertRuleSync.class);
    static final String KEY = "vigil.alerts.rules";

    private final DeclaredRows<AlertRuleRecord> rows;
    private final AlertsProperties alerts;

    public AlertRuleSync(DSLContext dsl, Clock clock, AlertsProperties alerts) {
        this.rows = new DeclaredRows<>(dsl, clock, ALERT_RULE, ALERT_RULE.NAME, ALERT_RULE.ENABLED,
                ALERT_RULE.CREATED_AT, ALERT_RULE.UPDATED_AT);
        this.alerts = alerts;
    }

    @Override
    public String name() {
        return "alert rules";
    }

    /** After the fleet: rules name connections. */
    @Override
    public int order() {
        return 200;
    }

    /** The rules as configured. */
    @Override
    public SyncReport sync() {
        return sync(alerts);
    }

    public SyncReport sync(AlertsProperties properties) {
        if (properties.operators().isEmpty()) {
            log.warn("vigil.alerts.operators is empty: a failed run is mailed only to the recipients of JOB_FAILED rules");
        }
        SyncReport report = rows.sync(KEY, properties.rules(), RuleDeclaration::name,
                declaration -> row(RuleValidator.validate(declaration)), List.of(row(operatorsRule(properties.operators()))));
        report.invalid().forEach((name, problem) -> log.error("Alert rule {} is not evaluated: {}", name, problem));
        report.disabled().forEach(name -> log.info("Alert rule {} is no longer declared: disabled, its active alerts resolve", name));
        return report;
    }

    private static AlertRule operatorsRule(List<String> operators) {
        return new AlertRule(0, RuleValidator.OPERATORS_RULE, ConditionType.JOB_FAILED, 0, RuleValidator.MAX_WINDOW,
                Duration.ZERO, Severity.CRITICAL, List.of(), List.of(), List.of(), operators,
                RuleDeclaration.DEFAULT_REPEAT_INTERVAL, true, true);
    }

    private static DeclaredRows.Row row(AlertRule rule) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(ALERT_RULE.TYPE, rule.type().name());
        columns.put(ALERT_RULE.THRESHOLD, rule.threshold());
        columns.put(ALERT_RULE.WINDOW_SECONDS, Math.toIntExact(rule.window().toSeconds()));
        columns.put(ALERT_RULE.FOR_SECONDS, Math.toIntExact(rule.pendingFor().toSeconds()));
        columns.put(ALERT_RULE.SEVERITY, rule.severity().name());
        columns.put(ALERT_RULE.SCOPE_CONNECTIONS, rule.connections().toArray(String[]::new));
        columns.put(ALERT_RULE.SCOPE_TAGS, rule.tags().toArray(String[]::new));
        columns.put(ALERT_RULE.SCOPE_JOBS, rule.jobs().toArray(String[]::new));
        columns.put(ALERT_RULE.RECIPIENTS, rule.recipients().toArray(String[]::new));
        columns.put(ALERT_RULE.REPEAT_INTERVAL_SECONDS, Math.toIntExact(rule.repeatInterval().toSeconds()));
        columns.put(ALERT_RULE.SEND_RESOLVED, rule.sendResolved());
        columns.put(ALERT_RULE.RUNBOOK, rule.runbook());
        columns.put(ALERT_RULE.ENABLED, true);
        return new DeclaredRows.Row(rule.name(), columns);
    }
}
