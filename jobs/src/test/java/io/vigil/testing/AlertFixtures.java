package io.vigil.testing;

import static io.vigil.db.jooq.Tables.EMAIL_OUTBOX;

import io.vigil.alert.rule.RuleDeclaration;
import io.vigil.db.jooq.tables.records.EmailOutboxRecord;
import io.vigil.health.fleet.ConnectionDeclaration;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;

/** Connections, rules and outbox reads for the alert tests. */
public final class AlertFixtures {

    private AlertFixtures() {
    }

    public static ConnectionDeclaration http(String name, String url, String... tags) {
        return new ConnectionDeclaration(name, "http", url, null, null, Duration.ofSeconds(2), Duration.ofSeconds(1),
                List.of(tags), true);
    }

    /** A PostgreSQL connection to the test's own database, with a timeout and latency SLO of 3 s unless given. */
    public static ConnectionDeclaration vigilDatabase(String name, TestDatabase database, Duration latencySlo,
                                                      String... tags) {
        return new ConnectionDeclaration(name, "postgresql", "127.0.0.1:" + database.port() + "/" + database.name(),
                "postgres", null, Duration.ofSeconds(3), latencySlo, List.of(tags), true);
    }

    /** A health rule on the connections tagged {@code db}, mailing dba@example.com; defaults for the rest. */
    public static RuleDeclaration dbRule(String name, String type, Double threshold, Duration pendingFor) {
        return new RuleDeclaration(name, type, threshold, null, pendingFor, null, null, List.of("db"), null,
                List.of("dba@example.com"), null, null);
    }

    public static RuleDeclaration downRule(String name, int consecutive, Duration pendingFor, String severity,
                                           List<String> connections, List<String> tags, String... recipients) {
        return new RuleDeclaration(name, "DOWN", (double) consecutive, null, pendingFor, severity, connections, tags,
                null, List.of(recipients), null, null);
    }

    /** The outbox rows addressed to this recipient, oldest first. */
    public static List<EmailOutboxRecord> mailTo(DSLContext dsl, String recipient) {
        return dsl.selectFrom(EMAIL_OUTBOX)
                .where(org.jooq.impl.DSL.val(recipient).eq(org.jooq.impl.DSL.any(EMAIL_OUTBOX.RECIPIENTS)))
                .orderBy(EMAIL_OUTBOX.ID)
                .fetch();
    }
}
