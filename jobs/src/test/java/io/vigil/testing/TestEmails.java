package io.vigil.testing;

import io.vigil.mail.Outbox;
import io.vigil.mail.OutgoingEmail;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/** Queues alert-like emails as the alert rules will, each in a transaction of its own. */
public final class TestEmails {

    private TestEmails() {
    }

    /** A firing alert's email; returns its Message-ID. */
    public static String queueFiring(Outbox outbox, DSLContext dsl, String alert) {
        return queue(outbox, dsl, new OutgoingEmail("firing:" + alert, List.of("ops@example.com"),
                "[FIRING] " + alert, alert + " is DOWN", "<p>" + alert + " is <b>DOWN</b></p>",
                Map.of("X-Vigil-Severity", "CRITICAL"), null, List.of()));
    }

    /** The resolved email answering {@code firingId}; returns its Message-ID. */
    public static String queueResolved(Outbox outbox, DSLContext dsl, String alert, String firingId) {
        return queue(outbox, dsl, new OutgoingEmail("resolved:" + alert, List.of("ops@example.com", "dba@example.com"),
                "[RESOLVED] " + alert, alert + " is UP again", "<p>" + alert + " is <b>UP</b> again</p>",
                Map.of("X-Vigil-Severity", "CRITICAL"), firingId, List.of(firingId)));
    }

    private static String queue(Outbox outbox, DSLContext dsl, OutgoingEmail email) {
        return dsl.transactionResult(tx -> outbox.enqueue(tx.dsl(), email));
    }
}
