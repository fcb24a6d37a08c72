package io.vigil.ops;

import static io.vigil.db.jooq.Tables.EMAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.mail.MailDeliveryJobConfiguration;
import io.vigil.mail.Outbox;
import io.vigil.mail.OutgoingEmail;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.Launches;
import io.vigil.testing.SettableClock;
import io.vigil.testing.TestBeans;
import io.vigil.testing.VigilSpringTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * vigil mail list and retry, on emails really delivered, or not, by mailDeliveryJob to an .eml outbox;
 * a regular file where the outbox directory belongs makes every send fail, and with one attempt allowed
 * the email is FAILED at once.
 */
@VigilSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailCommandTest {

    private static final Path OUTBOX = temporaryDirectory().resolve("outbox");

    @Autowired ApplicationContext spring;
    @Autowired SlotLauncher launcher;
    @Autowired Outbox outbox;
    @Autowired DSLContext dsl;
    @Autowired SettableClock clock;

    private Cli cli;
    private long failed;
    private long sent;
    private long pending;
    private Instant slot = TestBeans.START;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("vigil.mail.outbox-dir", OUTBOX::toString);
        registry.add("vigil.mail.max-attempts", () -> 1);
    }

    @BeforeAll
    void oneFailedOneSentOnePending() throws IOException {
        cli = Cli.on(spring);
        failed = queueAndRunWithTheOutboxBlocked("orders-db");
        clock.advance(Duration.ofMinutes(1));
        sent = queue("billing-db");
        runDelivery();
        clock.advance(Duration.ofMinutes(1));
        pending = queue("search-redis");
        // The rest of the class runs before the pending email is due, so that delivery runs leave it PENDING.
        clock.set(Instant.parse("2026-11-23T10:01:30Z"));
    }

    @AfterAll
    void deleteOutbox() throws IOException {
        FileSystemUtils.deleteRecursively(OUTBOX.getParent());
    }

    @Test
    void listShowsEveryEmailNewestFirst() {
        Cli.Result result = cli.run("mail", "list");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .containsPattern("(?m)^ID +STATUS +ATTEMPTS +CREATED +NEXT ATTEMPT +SENT +RECIPIENTS +SUBJECT +LAST ERROR$")
                .containsPattern("(?m)^" + pending + " +PENDING +0 +2026-11-23T10:02:00Z +2026-11-23T10:02:00Z +- +"
                        + "ops@example.com,dba@example.com +\\[FIRING\\] search-redis +-$")
                .containsPattern("(?m)^" + sent + " +SENT +1 +2026-11-23T10:01:00Z +- +2026-11-23T10:01:00Z +"
                        + "ops@example.com,dba@example.com +\\[FIRING\\] billing-db +-$")
                .containsPattern("(?m)^" + failed + " +FAILED +1 +2026-11-23T10:00:00Z +- +- +"
                        + "ops@example.com,dba@example.com +\\[FIRING\\] orders-db +\\S.*outbox.*$");
        assertThat(result.out().indexOf("search-redis")).isLessThan(result.out().indexOf("billing-db"));
        assertThat(result.out().indexOf("billing-db")).isLessThan(result.out().indexOf("orders-db"));
    }

    @Test
    void listFailedShowsOnlyTheFailedWithTheirError() {
        Cli.Result result = cli.run("mail", "list", "--failed");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out().lines()).hasSize(2);
        assertThat(result.out()).containsPattern("(?m)^" + failed + " +FAILED .*orders-db.*outbox");
        assertThat(cli.run("mail", "list", "--failed", "--status", "FAILED").out()).isEqualTo(result.out());
    }

    @Test
    void listFiltersByStatusCaseInsensitivelyAndLimits() {
        assertThat(cli.run("mail", "list", "--status", "sent").out()).containsPattern("(?m)^" + sent + " +SENT ")
                .doesNotContain("PENDING", "FAILED");
        Cli.Result newest = cli.run("mail", "list", "--limit", "1");
        assertThat(newest.out().lines()).hasSize(2);
        assertThat(newest.out()).containsPattern("(?m)^" + pending + " ");
    }

    @Test
    void listAsJsonHasEveryFieldWithIsoTimes() {
        Cli.Result result = cli.run("mail", "list", "--status", "SENT", "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode emails = JsonMapper.builder().build().readTree(result.out());
        assertThat(emails.valueStream().map(e -> e.get("status").asString())).isNotEmpty().containsOnly("SENT");
        JsonNode email = emails.valueStream().filter(e -> e.get("id").asLong() == sent).findFirst().orElseThrow();
        assertThat(email.get("attempts").asInt()).isEqualTo(1);
        assertThat(email.get("recipients").valueStream().map(JsonNode::asString))
                .containsExactly("ops@example.com", "dba@example.com");
        assertThat(email.get("subject").asString()).isEqualTo("[FIRING] billing-db");
        assertThat(email.get("messageId").asString()).isEqualTo(outbox.messageIdFor("firing:billing-db"));
        assertThat(email.get("createdAt").asString()).isEqualTo("2026-11-23T10:01:00Z");
        assertThat(email.get("nextAttemptAt").isNull()).isTrue();
        assertThat(email.get("sentAt").asString()).isEqualTo("2026-11-23T10:01:00Z");
        assertThat(email.get("lastError").isNull()).isTrue();
    }

    @Test
    void retryOfAFailedEmailSendsItOnTheNextRun() throws IOException {
        long again = queueAndRunWithTheOutboxBlocked("retry-me");
        assertThat(dsl.fetchValue(EMAIL_OUTBOX.STATUS, EMAIL_OUTBOX.ID.eq(again))).isEqualTo("FAILED");

        Cli.Result result = cli.run("mail", "retry", String.valueOf(again));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).matches("email " + again + " was FAILED after 1 attempt\\(s\\) \\(last error: .*outbox.*\\); "
                + "it is PENDING and due now: the next mailDeliveryJob run sends it\n");
        var row = dsl.selectFrom(EMAIL_OUTBOX).where(EMAIL_OUTBOX.ID.eq(again)).fetchOne();
        assertThat(row.getStatus()).isEqualTo("PENDING");
        assertThat(row.getAttempts()).isZero();
        assertThat(row.getNextAttemptAt()).isEqualTo(clock.instant());

        runDelivery();

        assertThat(dsl.fetchValue(EMAIL_OUTBOX.STATUS, EMAIL_OUTBOX.ID.eq(again))).isEqualTo("SENT");
        try (var files = Files.list(OUTBOX)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith(again + "-"));
        }
    }

    @Test
    void retryOfAPendingEmailMakesItDueNowWithFreshAttempts() {
        long waiting = queue("backing-off");
        dsl.update(EMAIL_OUTBOX).set(EMAIL_OUTBOX.ATTEMPTS, 3).set(EMAIL_OUTBOX.LAST_ERROR, "421 4.3.2 try again later")
                .set(EMAIL_OUTBOX.NEXT_ATTEMPT_AT, clock.instant().plus(Duration.ofMinutes(8)))
                .where(EMAIL_OUTBOX.ID.eq(waiting)).execute();

        Cli.Result result = cli.run("mail", "retry", String.valueOf(waiting));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("email " + waiting + " was PENDING after 3 attempt(s) (last error: 421 4.3.2 try "
                + "again later); it is PENDING and due now: the next mailDeliveryJob run sends it\n");
        var row = dsl.selectFrom(EMAIL_OUTBOX).where(EMAIL_OUTBOX.ID.eq(waiting)).fetchOne();
        assertThat(row.getAttempts()).isZero();
        assertThat(row.getNextAttemptAt()).isEqualTo(clock.instant());
        assertThat(row.getLastError()).isNull();
        // Due now, it would be the email the other tests' runs with a blocked outbox fail first.
        dsl.deleteFrom(EMAIL_OUTBOX).where(EMAIL_OUTBOX.ID.eq(waiting)).execute();
    }

    @Test
    void retryOfASentEmailIsRefused() {
        Cli.Result result = cli.run("mail", "retry", String.valueOf(sent));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("vigil: email " + sent + " is SENT (at 2026-11-23T10:01:00Z): only a PENDING "
                + "or FAILED email can be retried\n");
        assertThat(dsl.fetchValue(EMAIL_OUTBOX.STATUS, EMAIL_OUTBOX.ID.eq(sent))).isEqualTo("SENT");
    }

    @Test
    void retryOfAnUnknownEmailFails() {
        Cli.Result result = cli.run("mail", "retry", "999999");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("vigil: no email with id 999999: see vigil mail list\n");
    }

    @Test
    void badArgumentsAreUsageErrorsThatStartNothing() {
        Cli nothing = Cli.withoutSpring();
        assertUsageError(nothing.run("mail"), "Missing command: see vigil mail --help");
        assertUsageError(nothing.run("mail", "retry"), "Missing required parameter: 'ID'");
        assertUsageError(nothing.run("mail", "retry", "seven"), "Invalid value for positional parameter at index 0 (ID): 'seven'");
        assertUsageError(nothing.run("mail", "list", "--status", "LOST"), "Invalid value for option '--status'");
        assertUsageError(nothing.run("mail", "list", "--limit", "0"), "--limit must be at least 1, not 0");
        assertUsageError(nothing.run("mail", "list", "--failed", "--status", "SENT"),
                "--failed and --status SENT contradict each other");
    }

    private static void assertUsageError(Cli.Result result, String message) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains(message);
        assertThat(result.out()).isEmpty();
    }

    private long queueAndRunWithTheOutboxBlocked(String alert) throws IOException {
        long id = queue(alert);
        Files.createDirectories(OUTBOX.getParent());
        Path blocked = Files.isDirectory(OUTBOX) ? OUTBOX.resolveSibling("outbox.aside") : null;
        if (blocked != null) {
            Files.move(OUTBOX, blocked);
        }
        Files.writeString(OUTBOX, "a file where the outbox directory belongs");
        runDelivery();
        Files.delete(OUTBOX);
        if (blocked != null) {
            Files.move(blocked, OUTBOX);
        }
        return id;
    }

    private long queue(String alert) {
        String messageId = dsl.transactionResult(tx -> outbox.enqueue(tx.dsl(), new OutgoingEmail("firing:" + alert,
                List.of("ops@example.com", "dba@example.com"), "[FIRING] " + alert, alert + " is DOWN",
                "<p>" + alert + " is DOWN</p>", Map.of("X-Vigil-Severity", "WARNING"), null, null)));
        return dsl.fetchValue(EMAIL_OUTBOX.ID, EMAIL_OUTBOX.MESSAGE_ID.eq(messageId));
    }

    private void runDelivery() {
        slot = slot.plus(Duration.ofMinutes(1));
        Launches.completed(launcher.launch(MailDeliveryJobConfiguration.JOB, Slot.of(slot), "test"));
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("vigil-mail-command-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
