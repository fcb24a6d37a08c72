package io.vigil.functional;

import static io.vigil.testing.AlertFixtures.mailTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.rule.AlertRuleSync;
import io.vigil.alert.rule.AlertsProperties;
import io.vigil.alert.rule.RuleDeclaration;
import io.vigil.db.jooq.tables.records.EmailOutboxRecord;
import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.health.fleet.ConnectionDeclaration;
import io.vigil.health.fleet.FleetSync;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.Launches;
import io.vigil.testing.SettableClock;
import io.vigil.testing.TestBeans;
import io.vigil.testing.TestDatabase;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A failed run mails the operators and the JOB_FAILED rules' recipients the command that restarts it;
 * failing again does not mail again; the restarted run completes and resolves the alert in its thread.
 */
@VigilSpringTest
@ExtendWith(OutputCaptureExtension.class)
class FailedRunAlertTest {

    private static final Instant S0 = TestBeans.START;
    private static final Pattern RESTART = Pattern.compile("vigil jobs restart (\\d+)");

    @Autowired SlotLauncher launcher;
    @Autowired FleetSync fleetSync;
    @Autowired AlertRuleSync ruleSync;
    @Autowired JobOperator jobOperator;
    @Autowired JobRepository jobRepository;
    @Autowired SettableClock clock;
    @Autowired TestDatabase database;
    @Autowired DSLContext dsl;

    @Test
    void aFailedRunMailsTheRestartCommandThatWorks(CapturedOutput output) throws Exception {
        fleetSync.sync(List.of(new ConnectionDeclaration("vigil-itself", "postgresql",
                "127.0.0.1:" + database.port() + "/" + database.name(), "postgres", null, Duration.ofSeconds(3),
                Duration.ofSeconds(2), List.of(), true)));
        ruleSync.sync(new AlertsProperties(List.of(new RuleDeclaration("health-job-failed", "JOB_FAILED", null, null,
                null, "warning", null, null, List.of(HealthCheckJobConfiguration.JOB), List.of("dev@example.com"), null,
                null)), List.of("ops@example.com"), null));
        // The PostgreSQL target's stats have nowhere to go: the probe step fails.
        dsl.execute("ALTER TABLE vigil.db_stats_snapshot RENAME TO db_stats_snapshot_away");

        JobExecution failed = launch(S0);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(output.getAll().lines().filter(line -> line.contains(" WARN ") && line.contains("run " + failed.getId()
                + " of healthCheckJob for slot 2026-11-23T10:00:00Z FAILED in step probe: ")))
                .as("the log says it in one line, with where to look").singleElement().satisfies(line -> assertThat(line)
                        .containsPattern("relation \"vigil.db_stats_snapshot\" does not exist.* \\(see: vigil jobs show "
                                + failed.getId() + "\\)$"));

        EmailOutboxRecord firing = mailTo(dsl, "ops@example.com").getFirst();
        assertThat(mailTo(dsl, "ops@example.com")).hasSize(1);
        assertThat(firing.getSubject()).isEqualTo("[FIRING:1] CRITICAL healthCheckJob vigil-run-failed");
        assertThat(firing.getHeaders().data()).isEqualTo("{\"X-Vigil-Severity\": \"CRITICAL\"}");
        assertThat(firing.getTextBody())
                .contains("healthCheckJob: run " + failed.getId() + " failed in step probe\n")
                .contains("  Job: healthCheckJob\n  Run: " + failed.getId() + "\n  Slot: 2026-11-23T10:00:00Z\n"
                        + "  Failed step: probe\n")
                .containsPattern("  Failure: .*relation \"vigil.db_stats_snapshot\" does not exist")
                .contains("  vigil jobs restart " + failed.getId() + "\n");
        assertThat(firing.getHtmlBody()).contains("vigil jobs restart " + failed.getId());
        assertThat(mailTo(dsl, "dev@example.com")).singleElement()
                .satisfies(mail -> assertThat(mail.getSubject()).isEqualTo("[FIRING:1] WARNING healthCheckJob health-job-failed"));

        assertThat(launch(S0.plus(Duration.ofMinutes(5))).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(mailTo(dsl, "ops@example.com")).as("still failing: one alert, mailed once per repeat interval").hasSize(1);

        dsl.execute("ALTER TABLE vigil.db_stats_snapshot_away RENAME TO db_stats_snapshot");
        Matcher command = RESTART.matcher(firing.getTextBody());
        assertThat(command.find()).isTrue();
        clock.set(S0.plus(Duration.ofMinutes(7)));
        JobExecution restarted = jobOperator.restart(jobRepository.getJobExecution(Long.parseLong(command.group(1))));

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<EmailOutboxRecord> mail = mailTo(dsl, "ops@example.com");
        assertThat(mail).hasSize(2);
        assertThat(mail.getLast().getSubject()).isEqualTo("[RESOLVED] healthCheckJob vigil-run-failed");
        assertThat(mail.getLast().getInReplyTo()).isEqualTo(firing.getMessageId());
    }

    private JobExecution launch(Instant slot) {
        clock.set(slot);
        return Launches.started(launcher.launch(HealthCheckJobConfiguration.JOB, Slot.of(slot), "test"));
    }
}
