package io.vigil.concurrent;

import static io.vigil.db.jooq.Tables.EMAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.mail.Outbox;
import io.vigil.mail.OutgoingEmail;
import io.vigil.mail.delivery.DeliveryReport;
import io.vigil.mail.delivery.OutboxDelivery;
import io.vigil.testing.TestSmtp;
import io.vigil.testing.VigilSpringTest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Two deliverers (two nodes' runs of the same minute) over one outbox: every email goes out exactly once. */
@VigilSpringTest
class MailDeliveryConcurrencyTest {

    private static final int EMAILS = 200;
    @RegisterExtension
    static final TestSmtp smtp = new TestSmtp().start();

    @Autowired OutboxDelivery delivery;
    @Autowired Outbox outbox;
    @Autowired DSLContext dsl;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        smtp.register(registry);
        registry.add("vigil.mail.batch-size", () -> EMAILS);
    }

    @Test
    void twoDeliverersSendEveryEmailExactlyOnce() throws Exception {
        dsl.transaction(tx -> IntStream.range(0, EMAILS).forEach(i -> outbox.enqueue(tx.dsl(), new OutgoingEmail(
                "load:" + i, List.of("ops@example.com"), "email " + i, "text " + i, "<p>" + i + "</p>", Map.of(), null, null))));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<DeliveryReport>> runs = IntStream.range(0, 2)
                    .mapToObj(node -> CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return delivery.deliverDue();
                    }, nodes)).toList();
            int sent = runs.stream().mapToInt(run -> run.join().sent()).sum();

            assertThat(sent).isEqualTo(EMAILS);
        } finally {
            nodes.shutdown();
            assertThat(nodes.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        List<String> ids = TestSmtp.messageIds(smtp.awaitReceived(EMAILS));
        assertThat(ids).hasSize(EMAILS);
        assertThat(new HashSet<>(ids)).as("no email twice").hasSize(EMAILS);
        assertThat(dsl.fetchCount(EMAIL_OUTBOX, EMAIL_OUTBOX.STATUS.eq("SENT").and(EMAIL_OUTBOX.ATTEMPTS.eq(1))))
                .isEqualTo(EMAILS);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
