package io.vigil.mail;

import static io.vigil.db.jooq.Tables.EMAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.testing.TestBeans;
import io.vigil.testing.VigilSpringTest;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@VigilSpringTest
class OutboxTest {

    @Autowired Outbox outbox;
    @Autowired DSLContext dsl;

    @Test
    void queuesOnceUnderAStableMessageId() {
        OutgoingEmail email = email("alerts:2026-11-23T10:00:00Z:ops@example.com", "[FIRING:1] CRITICAL orders-db DOWN");
        String first = dsl.transactionResult(tx -> outbox.enqueue(tx.dsl(), email));
        String again = dsl.transactionResult(tx -> outbox.enqueue(tx.dsl(), email("alerts:2026-11-23T10:00:00Z:ops@example.com", "other")));

        assertThat(again).isEqualTo(first).isEqualTo(outbox.messageIdFor(email.dedupeKey()))
                .matches("<vigil\\.[0-9a-f]{32}@vigil\\.localhost>");
        var rows = dsl.selectFrom(EMAIL_OUTBOX).where(EMAIL_OUTBOX.DEDUPE_KEY.eq(email.dedupeKey())).fetch();
        assertThat(rows).hasSize(1);
        var row = rows.getFirst();
        assertThat(row.getSubject()).as("the first queued wins").isEqualTo("[FIRING:1] CRITICAL orders-db DOWN");
        assertThat(row.getStatus()).isEqualTo("PENDING");
        assertThat(row.getRecipients()).containsExactly("ops@example.com");
        assertThat(row.getNextAttemptAt()).isEqualTo(TestBeans.START);
        assertThat(row.getHeaders().data()).isEqualTo("{\"X-Vigil-Severity\": \"CRITICAL\"}");
        assertThat(row.getInReplyTo()).isEqualTo("<first@vigil.localhost>");
    }

    @Test
    void anEmailExistsOnlyIfItsTransactionCommitted() {
        OutgoingEmail email = email("rolled-back", "never sent");
        assertThatThrownBy(() -> dsl.transaction(tx -> {
            outbox.enqueue(tx.dsl(), email);
            throw new IllegalStateException("the alert change failed");
        })).hasMessageContaining("the alert change failed");

        assertThat(dsl.fetchCount(EMAIL_OUTBOX, EMAIL_OUTBOX.DEDUPE_KEY.eq("rolled-back"))).isZero();
    }

    @Test
    void refusesAnEmailWithoutRecipients() {
        assertThatThrownBy(() -> new OutgoingEmail("k", List.of(), "s", "t", "h", null, null, null))
                .hasMessageContaining("at least one recipient");
    }

    private static OutgoingEmail email(String key, String subject) {
        return new OutgoingEmail(key, List.of("ops@example.com"), subject, "text", "<p>html</p>",
                Map.of("X-Vigil-Severity", "CRITICAL"), "<first@vigil.localhost>", List.of("<first@vigil.localhost>"));
    }
}
