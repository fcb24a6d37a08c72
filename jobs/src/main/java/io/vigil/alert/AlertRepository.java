package io.vigil.alert;

import static io.vigil.db.jooq.Tables.ALERT;
import static io.vigil.db.jooq.Tables.ALERT_RULE;

import io.vigil.alert.evaluation.ActiveAlert;
import io.vigil.alert.evaluation.AlertState;
import io.vigil.alert.evaluation.AlertStatus;
import io.vigil.alert.evaluation.RunFacts;
import io.vigil.alert.rule.AlertRule;
import io.vigil.alert.rule.ConditionType;
import io.vigil.alert.rule.Severity;
import io.vigil.db.jooq.tables.records.AlertRecord;
import io.vigil.db.jooq.tables.records.AlertRuleRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import tools.jackson.databind.json.JsonMapper;

/** Rules and alerts, read and written in the caller's transaction. */
public class AlertRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;

    public AlertRepository(Clock clock) {
        this.clock = clock;
    }

    /**
     * Serialises whoever changes alerts (an evaluation, a run ending) until the transaction ends: each
     * decides from the state it read, and two at once would overwrite each other's decisions.
     */
    public void lockForChanges(DSLContext tx) {
        tx.execute("LOCK TABLE vigil.alert_evaluation IN SHARE ROW EXCLUSIVE MODE");
    }

    public Map<Long, AlertRule> rules(DSLContext tx) {
        Map<Long, AlertRule> rules = new LinkedHashMap<>();
        tx.selectFrom(ALERT_RULE).orderBy(ALERT_RULE.NAME).forEach(r -> rules.put(r.getId(), rule(r)));
        return rules;
    }

    /** Whether a JOB_FAILED alert about this job is pending or firing. */
    public boolean hasActiveRunAlert(DSLContext tx, String job) {
        return tx.fetchExists(tx.selectOne().from(ALERT).join(ALERT_RULE).on(ALERT_RULE.ID.eq(ALERT.RULE_ID))
                .where(ALERT.SUBJECT.eq(job)).and(ALERT.STATE.ne(AlertState.RESOLVED.name()))
                .and(ALERT_RULE.TYPE.eq(ConditionType.JOB_FAILED.name())));
    }

    public List<ActiveAlert> active(DSLContext tx) {
        return tx.selectFrom(ALERT).where(ALERT.STATE.ne(AlertState.RESOLVED.name())).orderBy(ALERT.ID)
                .fetch(AlertRepository::active);
    }

    public long insert(DSLContext tx, long ruleId, String subject, Long connectionId, AlertStatus status,
                       String description, RunFacts run, Instant slot) {
        AlertRecord record = tx.newRecord(ALERT);
        record.setRuleId(ruleId);
        record.setSubject(subject);
        record.setConnectionId(connectionId);
        set(record, status, description, run, slot);
        record.store();
        return record.getId();
    }

    public void update(DSLContext tx, long id, AlertStatus status, String description, RunFacts run, Instant slot) {
        AlertRecord record = tx.fetchSingle(ALERT, ALERT.ID.eq(id));
        set(record, status, description, run, slot);
        record.update();
    }

    /** A pending alert whose condition stopped holding before it fired: nobody saw it, nothing to keep. */
    public void delete(DSLContext tx, long id) {
        tx.deleteFrom(ALERT).where(ALERT.ID.eq(id)).execute();
    }

    private void set(AlertRecord record, AlertStatus status, String description, RunFacts run, Instant slot) {
        record.setState(status.state().name());
        record.setSince(status.since());
        record.setFiredAt(status.firedAt());
        record.setResolvedAt(status.resolvedAt());
        record.setConditionFalseSince(status.conditionFalseSince());
        record.setFiringNotified(status.firingNotified());
        record.setLastNotifiedAt(status.lastNotifiedAt());
        record.setLastEvaluatedSlot(slot);
        record.setDescription(description);
        record.setDetails(run == null ? null : JSONB.valueOf(JSON.writeValueAsString(run)));
        record.setUpdatedAt(clock.instant());
    }

    static AlertRule rule(AlertRuleRecord r) {
        return new AlertRule(r.getId(), r.getName(), ConditionType.valueOf(r.getType()), r.getThreshold(),
                Duration.ofSeconds(r.getWindowSeconds()), Duration.ofSeconds(r.getForSeconds()),
                Severity.valueOf(r.getSeverity()), Arrays.asList(r.getScopeConnections()), Arrays.asList(r.getScopeTags()),
                Arrays.asList(r.getScopeJobs()), Arrays.asList(r.getRecipients()),
                Duration.ofSeconds(r.getRepeatIntervalSeconds()), r.getSendResolved(), r.getEnabled(), r.getRunbook());
    }

    private static ActiveAlert active(AlertRecord r) {
        AlertStatus status = new AlertStatus(AlertState.valueOf(r.getState()), r.getSince(),
                r.getFiredAt(), r.getResolvedAt(), r.getConditionFalseSince(), r.getFiringNotified(),
                r.getLastNotifiedAt());
        RunFacts run = r.getDetails() == null ? null : JSON.readValue(r.getDetails().data(), RunFacts.class);
        return new ActiveAlert(r.getId(), r.getRuleId(), r.getSubject(), r.getConnectionId(), status,
                r.getDescription(), run);
    }
}
