package io.vigil.ops.demo;

import java.nio.file.Path;
import java.util.List;

/**
 * The demo's alert rules and mail: a target that is down (two checks in a row, the default) and one
 * slower than its SLO. Both hold at the demo's check because its history comes first, and fire at once
 * (no {@code for}, so the demo need not wait). With no SMTP server the emails are written as {@code .eml}
 * files into the demo's outbox directory, where a mail client opens them.
 */
final class DemoAlerting {

    private static final String RECIPIENT = "oncall@example.com";

    private DemoAlerting() {
    }

    /** Configuration lines, in the demo's properties file. */
    static List<String> configuration(Path outbox) {
        return List.of(
                "# No SMTP server: emails become .eml files in the outbox directory.",
                "spring.mail.host=",
                "vigil.mail.outbox-dir=" + outbox,
                "vigil.alerts.operators=ops@example.com",
                "vigil.alerts.rules[0].name=target-down",
                "vigil.alerts.rules[0].type=DOWN",
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
