package io.vigil.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FailureSummaryTest {

    @Test
    void keepsEachCauseOnOneLineAndDropsRepeatedMessages() {
        SQLException root = new SQLException("ERROR: relation \"vigil.db_stats_snapshot\" does not exist\n  Position: 13");
        RuntimeException jooq = new RuntimeException("SQL [insert into vigil.db_stats_snapshot ...]; " + root.getMessage(), root);
        IllegalStateException outer = new IllegalStateException("Unable to process chunk", jooq);
        RuntimeException wrapper = new RuntimeException("Unable to process chunk", outer);

        assertThat(FailureSummary.summarize(wrapper)).isEqualTo(
                "RuntimeException: Unable to process chunk ← IllegalStateException ← "
                        + "RuntimeException: SQL [insert into vigil.db_stats_snapshot ...]; ERROR: relation "
                        + "\"vigil.db_stats_snapshot\" does not exist ← "
                        + "SQLException: ERROR: relation \"vigil.db_stats_snapshot\" does not exist");
    }

    @Test
    void cutsAVeryLongMessage() {
        String summary = FailureSummary.summarize(new IllegalStateException("x".repeat(1000)));

        assertThat(summary).hasSize("IllegalStateException: ".length() + 300 + 1).endsWith("x…");
    }
}
