package io.vigil.alert;

import static io.vigil.db.jooq.Tables.ALERT;
import static io.vigil.db.jooq.Tables.ALERT_RULE;
import static io.vigil.db.jooq.Tables.MONITORED_CONNECTION;

import io.vigil.alert.evaluation.AlertState;
import io.vigil.alert.rule.ConditionType;
import io.vigil.alert.silence.Silence;
import io.vigil.alert.silence.SilenceRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Alerts for the command line: the active ones, and with {@code all} the latest resolved ones too, or one connection's. */
public class AlertQueries {

    static final int MAX_RESOLVED = 100;

    private final DSLContext dsl;
    private final SilenceRepository silences;
    private final Clock clock;

    public AlertQueries(DSLContext dsl, SilenceRepository silences, Clock clock) {
        this.dsl = dsl;
        this.silences = silences;
        this.clock = clock;
    }

    /** Active alerts by severity (most urgent first), then subject; with {@code all}, the latest resolved after. */
    public List<AlertSummary> list(boolean all) {
        List<AlertSummary> alerts = new ArrayList<>(query(ALERT.STATE.ne(AlertState.RESOLVED.name()), Integer.MAX_VALUE));
        if (all) {
            alerts.addAll(query(ALERT.STATE.eq(AlertState.RESOLVED.name()), MAX_RESOLVED));
        }
        return alerts;
    }

    /** The active alerts on one connection, most urgent first. */
    public List<AlertSummary> activeOn(String connection) {
        return query(ALERT.STATE.ne(AlertState.RESOLVED.name()).and(MONITORED_CONNECTION.NAME.eq(connection)),
                Integer.MAX_VALUE);
    }

    private List<AlertSummary> query(Condition which, int limit) {
        List<Silence> active = silences.activeAt(dsl, clock.instant());
        var query = dsl.select(ALERT.ID, ALERT_RULE.NAME, ALERT.SUBJECT, ALERT.STATE, ALERT_RULE.SEVERITY, ALERT.SINCE,
                        ALERT.FIRED_AT, ALERT.RESOLVED_AT, ALERT.DESCRIPTION, ALERT_RULE.TYPE, MONITORED_CONNECTION.TAGS)
                .from(ALERT).join(ALERT_RULE).on(ALERT_RULE.ID.eq(ALERT.RULE_ID))
                .leftJoin(MONITORED_CONNECTION).on(MONITORED_CONNECTION.ID.eq(ALERT.CONNECTION_ID))
                .where(which)
                .orderBy(DSL.when(ALERT_RULE.SEVERITY.eq("CRITICAL"), 0).when(ALERT_RULE.SEVERITY.eq("WARNING"), 1)
                                .otherwise(2),
                        ALERT.RESOLVED_AT.desc().nullsFirst(), ALERT.SUBJECT, ALERT_RULE.NAME)
                .limit(limit);
        return query.fetch(r -> {
            boolean connection = ConditionType.valueOf(r.value10()).watchesConnections();
            List<String> tags = r.value11() == null ? List.of() : Arrays.asList(r.value11());
            boolean silenced = connection && !r.value4().equals(AlertState.RESOLVED.name())
                    && active.stream().anyMatch(s -> s.matches(r.value3(), tags));
            return new AlertSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                    r.value6(), r.value7(), r.value8(), silenced, r.value9());
        });
    }
}
