package io.vigil.alert.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.rule.Durations;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the emails print for people to read and paste. */
class CommandsTest {

    @Test
    void namesAreQuotedForAShellOnlyWhenTheyNeedIt() {
        assertThat(Commands.shellQuoted("orders-db")).isEqualTo("orders-db");
        assertThat(Commands.shellQuoted("orders db")).isEqualTo("'orders db'");
        assertThat(Commands.shellQuoted("it's; rm -rf /")).isEqualTo("'it'\\''s; rm -rf /'");
        assertThat(Commands.forRun(42)).containsExactly("vigil jobs show 42", "vigil jobs restart 42");
    }

    @Test
    void durationsReadAsTheyAreWritten() {
        assertThat(Durations.text(Duration.ZERO)).isEqualTo("0s");
        assertThat(Durations.text(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Durations.text(Duration.ofHours(36).plusSeconds(5))).isEqualTo("1d12h5s");
    }
}
