package io.vigil.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.mail.MailDeliveryJobConfiguration;
import io.vigil.mail.Outbox;
import io.vigil.mail.delivery.MailTransport;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.Launches;
import io.vigil.testing.TestBeans;
import io.vigil.testing.TestEmails;
import io.vigil.testing.TestSmtp;
import io.vigil.testing.VigilSpringTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** spring.mail.protocol: smtps is SMTP over implicit TLS (port 465 in real life). */
@VigilSpringTest
class MailImplicitTlsTest {

    @RegisterExtension
    static final TestSmtp smtps = TestSmtp.implicitTls().start();

    @Autowired SlotLauncher launcher;
    @Autowired Outbox outbox;
    @Autowired DSLContext dsl;
    @Autowired MailTransport transport;

    @DynamicPropertySource
    static void smtps(DynamicPropertyRegistry registry) {
        smtps.register(registry);
        registry.add("spring.mail.protocol", () -> "smtps");
        // GreenMail's certificate is self-signed and names no host; a real server's is verified against the
        // JVM's trust store and its host name.
        registry.add("spring.mail.properties.mail.smtps.ssl.trust", () -> "127.0.0.1");
        registry.add("spring.mail.properties.mail.smtps.ssl.checkserveridentity", () -> "false");
    }

    @Test
    void sendsOverImplicitTls() {
        String id = TestEmails.queueFiring(outbox, dsl, "orders-db");

        Launches.completed(launcher.launch(MailDeliveryJobConfiguration.JOB, Slot.of(TestBeans.START), "test"));

        assertThat(TestSmtp.messageIds(smtps.awaitReceived(1))).containsExactly(id);
        assertThat(transport.describe()).endsWith("(smtps)");
    }
}
