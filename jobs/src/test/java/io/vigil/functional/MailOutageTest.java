package io.vigil.functional;

import static io.vigil.db.jooq.Tables.EMAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.db.jooq.tables.records.EmailOutboxRecord;
import io.vigil.mail.MailDeliveryJobConfiguration;
import io.vigil.mail.Outbox;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.Launches;
import io.vigil.testing.SettableClock;
import io.vigil.testing.TestBeans;
import io.vigil.testing.TestEmails;
import io.vigil.testing.TestSmtp;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SMTP server is down while alerts fire: the emails wait, each failed send pushes its next attempt
 * out by the backoff (1m, 2m, ... ±20%), a run stops at the first refused connection instead of trying
 * every email; when the server is back, every email arrives exactly once.
 */
@VigilSpringTest
class MailOutageTest {

    /** Not started yet: nothing listens on its port. */
    @RegisterExtension
    static final TestSmtp smtp = new TestSmtp();

    @Autowired SlotLauncher launcher;
    @Autowired Outbox outbox;
    @Autowired DSLContext dsl;
    @Autowired SettableClock clock;

    private Instant slot = TestBeans.START;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        smtp.register(registry);
    }

    @Test
    void emailsWaitAndBackOffWhileTheServerIsDownThenArriveOnce() {
        List<String> ids = List.of(TestEmails.queueFiring(outbox, dsl, "orders-db"),
                TestEmails.queueFiring(outbox, dsl, "billing-db"), TestEmails.queueFiring(outbox, dsl, "search-redis"));
        Instant firstTry = clock.instant();

        for (int run = 1; run <= 3; run++) {
            assertThat(sent(run())).as("run %d sends nothing", run).isZero();
            assertThat(rows()).as("run %d tried one email and stopped", run)
                    .filteredOn(row -> row.getAttempts() == 1).hasSize(run);
        }
        assertThat(rows()).allSatisfy(row -> {
            assertThat(row.getStatus()).isEqualTo("PENDING");
            assertThat(row.getLastError()).contains("Connection refused");
            assertThat(row.getNextAttemptAt())
                    .isBetween(firstTry.plusSeconds(48), firstTry.plusSeconds(72));
        });

        clock.advance(Duration.ofSeconds(75));
        Instant secondTry = clock.instant();
        run();
        EmailOutboxRecord retried = rows().stream().filter(row -> row.getAttempts() == 2).findFirst().orElseThrow();
        assertThat(retried.getNextAttemptAt()).as("the second wait doubles: 2m ±20%%")
                .isBetween(secondTry.plusSeconds(96), secondTry.plusSeconds(144));
        assertThat(rows()).filteredOn(row -> row.getAttempts() == 1).hasSize(2);

        smtp.start();
        clock.advance(Duration.ofMinutes(3));
        assertThat(sent(run())).isEqualTo(3);

        assertThat(TestSmtp.messageIds(smtp.awaitReceived(3))).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(rows()).allSatisfy(row -> {
            assertThat(row.getStatus()).isEqualTo("SENT");
            assertThat(row.getSentAt()).isEqualTo(clock.instant());
        });
        clock.advance(Duration.ofHours(2));
        assertThat(sent(run())).isZero();
        assertThat(smtp.received()).hasSize(3);
    }

    private Result<EmailOutboxRecord> rows() {
        return dsl.selectFrom(EMAIL_OUTBOX).orderBy(EMAIL_OUTBOX.ID).fetch();
    }

    private JobExecution run() {
        slot = slot.plus(Duration.ofMinutes(1));
        return Launches.completed(launcher.launch(MailDeliveryJobConfiguration.JOB, Slot.of(slot), "test"));
    }

    private static long sent(JobExecution run) {
        return run.getStepExecutions().iterator().next().getWriteCount();
    }
}
