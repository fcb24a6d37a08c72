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
