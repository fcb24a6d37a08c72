package io.vigil.functional;

import static io.vigil.db.jooq.Tables.ALERT;
import static io.vigil.db.jooq.Tables.ALERT_RULE;
import static io.vigil.db.jooq.Tables.DB_STATS_SNAPSHOT;
import static io.vigil.db.jooq.Tables.MONITORED_CONNECTION;
import static io.vigil.testing.AlertFixtures.dbRule;
import static io.vigil.testing.AlertFixtures.vigilDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vigil.alert.AlertEvaluation;
import io.vigil.alert.AlertQueries;
import io.vigil.alert.AlertSummary;
import io.vigil.alert.rule.AlertRuleSync;
import io.vigil.alert.rule.AlertsProperties;
import io.vigil.health.fleet.FleetSync;
import io.vigil.health.probe.DbStats;
import io.vigil.mail.MailDeliveryJobConfiguration;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.Launches;
import io.vigil.testing.SettableClock;
import io.vigil.testing.TestDatabase;
import io.vigil.testing.TestSmtp;
import io.vigil.testing.VigilSpringTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A REPLICATION_LAG rule reads the lag and the stopped flag the probes store in db_stats_snapshot: a replica
 * falling behind fires with its lag, a standby whose replication stopped fires with the reason, both are
 * mailed and listed, and both resolve once replication runs within the threshold; a server without
 * replication never fires. The snapshots are written here, as the probes write them, since this machine
 * has no replica to measure.
 */
@VigilSpringTest
class ReplicationLagAlertTest {

    private static final Instant S0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final String STOPPED = "replica IO thread not running: error connecting to source";

    @RegisterExtension
    static final TestSmtp smtp = new TestSmtp();

    @Autowired FleetSync fleetSync;
    @Autowired AlertRuleSync ruleSync;
    @Autowired AlertEvaluation evaluation;
    @Autowired AlertQueries alertQueries;
    @Autowired SlotLauncher launcher;
    @Autowired SettableClock clock;
    @Autowired TestDatabase database;
    @Autowired DSLContext dsl;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        smtp.register(registry);
    }

    @Test
    void aLaggingReplicaAndAStoppedStandbyFireWithTheirLagAndReasonAndResolveWhenReplicationCatchesUp()
            throws Exception {
        smtp.start();
        fleetSync.sync(List.of(vigilDatabase("replica-db", database, Duration.ofSeconds(3), "db"),
                vigilDatabase("standby-db", database, Duration.ofSeconds(3), "db"),
                vigilDatabase("primary-db", database, Duration.ofSeconds(3), "db")));
        ruleSync.sync(new AlertsProperties(List.of(dbRule("replica-lag", "REPLICATION_LAG", 30.0,
                Duration.ofMinutes(5))), List.of(), null));

        slot(S0, Map.of("replica-db", lag(12.5), "standby-db", lag(0.2), "primary-db", noReplication()));
        assertThat(alerts()).as("12.5s is within 30s").isEmpty();

        slot(S0.plusSeconds(300), Map.of("replica-db", lag(95.0), "standby-db", stopped(), "primary-db", noReplication()));
        assertThat(alerts()).as("pending for 5m").containsOnly(Map.entry("replica-db", "PENDING"),
                Map.entry("standby-db", "PENDING"));

        slot(S0.plusSeconds(600), Map.of("replica-db", lag(130.0), "standby-db", stopped(), "primary-db", noReplication()));
        assertThat(alerts()).containsOnly(Map.entry("replica-db", "FIRING"), Map.entry("standby-db", "FIRING"));
        assertThat(alertQueries.list(false)).extracting(AlertSummary::subject, AlertSummary::description)
                .as("vigil alerts list").containsExactlyInAnyOrder(
                        tuple("replica-db", "replication lag 2m10s, above 30s"),
                        tuple("standby-db", "replication stopped: " + STOPPED));
        MimeMessage firing = smtp.awaitReceived(1).getFirst();
        assertThat(firing.getSubject()).matches("\\[FIRING:2] WARNING (replica|standby)-db replica-lag \\(\\+1 more\\)");
        assertThat(TestSmtp.plainText(firing)).contains("replica-db: replication lag 2m10s, above 30s")
                .contains("standby-db: replication stopped: " + STOPPED);

        slot(S0.plusSeconds(900), Map.of("replica-db", lag(4.0), "standby-db", lag(0.0), "primary-db", noReplication()));
        assertThat(alerts()).containsOnly(Map.entry("replica-db", "RESOLVED"), Map.entry("standby-db", "RESOLVED"));
        MimeMessage resolved = smtp.awaitReceived(2).get(1);
        assertThat(resolved.getSubject()).matches("\\[RESOLVED] (replica|standby)-db replica-lag \\(\\+1 more\\)");
        assertThat(TestSmtp.plainText(resolved))
                .contains("replica-db is back to normal; it was: replication lag 2m10s, above 30s")
                .contains("standby-db is back to normal; it was: replication stopped: " + STOPPED);
    }

    /** One five-minute slot as the daemon runs it: snapshots stored, alerts evaluated, mail delivered. */
    private void slot(Instant slot, Map<String, Snapshot> snapshots) {
        clock.set(slot);
        snapshots.forEach((connection, snapshot) -> dsl.insertInto(DB_STATS_SNAPSHOT)
                .set(DB_STATS_SNAPSHOT.CONNECTION_ID, dsl.select(MONITORED_CONNECTION.ID).from(MONITORED_CONNECTION)
                        .where(MONITORED_CONNECTION.NAME.eq(connection)).fetchSingle(MONITORED_CONNECTION.ID))
                .set(DB_STATS_SNAPSHOT.SLOT, slot)
                .set(DB_STATS_SNAPSHOT.TAKEN_AT, slot)
                .set(DB_STATS_SNAPSHOT.REPLICATION_LAG_SECONDS, snapshot.lagSeconds())
                .set(DB_STATS_SNAPSHOT.DETAILS, snapshot.details())
                .execute());
        evaluation.evaluate(slot);
        Launches.completed(launcher.launch(MailDeliveryJobConfiguration.JOB, Slot.of(slot), "test"));
    }

    private record Snapshot(Double lagSeconds, JSONB details) {
    }

    private Snapshot lag(double seconds) {
        return new Snapshot(seconds, null);
    }

    // As a probe reports a stopped replica: no lag, the reason under the probes' own key.
    private Snapshot stopped() {
        return new Snapshot(null, dsl.select(DSL.jsonbObject(DSL.key(DbStats.REPLICATION_STOPPED).value(STOPPED)))
                .fetchSingle().value1());
    }

    // A primary without standbys, or a role that cannot see them: no lag and no flag.
    private Snapshot noReplication() {
        return new Snapshot(null, dsl.select(DSL.jsonbObject(DSL.key(DbStats.NOT_VISIBLE)
                .value(DSL.jsonbObject(DSL.key("replicationLagSeconds").value("not visible to this user: grant pg_monitor")))))
                .fetchSingle().value1());
    }

    private Map<String, String> alerts() {
        return dsl.select(ALERT.SUBJECT, ALERT.STATE).from(ALERT).join(ALERT_RULE).on(ALERT_RULE.ID.eq(ALERT.RULE_ID))
                .where(ALERT_RULE.NAME.eq("replica-lag")).fetch().stream()
                .collect(Collectors.toMap(r -> r.value1(), r -> r.value2()));
    }
}
