package io.vigil.ops.demo;

import java.nio.file.Path;
import java.util.List;

/**
 * The demo's alert rules and mail: a target that is down and one slower than its SLO fire at their first
 * check (no {@code for}, so the demo need not wait), and with no SMTP server the emails are written as
 * {@code .eml} files into the demo's directory, where a mail client opens them.
 */
final class DemoAlerting {

    private static final String RECIPIENT = "oncall@example.com";

    private DemoAlerting() {
    }

    static Path outbox(Path home) {
        return home.resolve("outbox");
    }

    /** Configuration lines, in the demo's properties file. */
    static List<String> configuration(Path home) {
        return List.of(
                "# No SMTP server: emails become .eml files in the outbox directory.",
                "spring.mail.host=",
                "vigil.mail.outbox-dir=" + outbox(home),
                "vigil.alerts.operators=ops@example.com",
                "vigil.alerts.rules[0].name=target-down",
                "vigil.alerts.rules[0].type=DOWN",
                "vigil.alerts.rules[0].threshold=1",
                "vigil.alerts.rules[0].severity=CRITICAL",
                "vigil.alerts.rules[0].tags=demo",
                "vigil.alerts.rules[0].recipients=" + RECIPIENT,
                "vigil.alerts.rules[1].name=slower-than-slo",
                "vigil.alerts.rules[1].type=LATENCY",
                "vigil.alerts.rules[1].window=1h",
                "vigil.alerts.rules[1].severity=WARNING",
                "vigil.alerts.rules[1].tags=demo",
                "vigil.alerts.rules[1].recipients=" + RECIPIENT);
    }
}
