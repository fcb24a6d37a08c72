package io.vigil.ops;

import static io.vigil.db.jooq.Tables.HEALTH_CHECK;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.health.fleet.ConnectionDeclaration;
import io.vigil.health.fleet.FleetSync;
import io.vigil.runs.RunDetail;
import io.vigil.runs.RunQueries;
import io.vigil.testing.TestDatabase;
import io.vigil.testing.TestHttpServer;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A run that fails part-way is restarted from the failed step and completes, writing each check once. */
@VigilSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobsRestartTest {

    private static final String SLOT = "2026-11-23T10:00:00Z";
    private static final Pattern NEW_RUN = Pattern.compile("run (\\d+) restarted as run (\\d+)");

    @Autowired ApplicationContext spring;
    @Autowired FleetSync fleetSync;
    @Autowired TestDatabase database;
    @Autowired DSLContext dsl;
    @Autowired RunQueries runs;

    private final TestHttpServer http = new TestHttpServer();
    private Cli cli;

    @BeforeAll
    void declareFleet() {
        cli = Cli.on(spring);
        fleetSync.sync(List.of(
                declaration("vigil-itself", "postgresql", "127.0.0.1:" + database.port() + "/" + database.name()),
                declaration("http-ok", "http", http.url("/ok"))));
    }

    @AfterAll
    void stopServer() {
        http.close();
    }

    @Test
    void aFailedRunIsRestartedFromTheFailedStepAndCompletes() {
        // The PostgreSQL target's stats have nowhere to go: the probe step's write fails.
        dsl.execute("ALTER TABLE vigil.db_stats_snapshot RENAME TO db_stats_snapshot_away");
        Cli.Result launch = cli.run("jobs", "launch", "healthCheckJob", "--slot", SLOT);

        assertThat(launch.exitCode()).as(launch.toString()).isEqualTo(1);
        assertThat(launch.out()).contains("for slot " + SLOT + ": FAILED").contains("step probe FAILED:")
                .contains("db_stats_snapshot").contains("vigil jobs restart ");
        long failed = Long.parseLong(launch.out().split(" ")[1]);

        Cli.Result show = cli.run("jobs", "show", Long.toString(failed));
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.out()).contains("status      FAILED (exit code FAILED)")
                .containsPattern("(?m)^partitions +COMPLETED ")
                .containsPattern("(?m)^probe +FAILED ")
                .contains("step probe FAILED:")
                .contains("FatalStepExecutionException: Unable to process chunk")
                .containsPattern("  cause: .*relation \"vigil.db_stats_snapshot\" does not exist")
                .contains("characters of the stack trace, so its causes may be cut off")
                .doesNotContain("\tat ")
                .contains("once the cause is fixed, restart it: vigil jobs restart " + failed);

        // Not fixed yet: the restarted run fails again, and says so with exit 1.
        Cli.Result again = cli.run("jobs", "restart", Long.toString(failed));
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(1);
        long failedAgain = restartedAs(again, failed);
        assertThat(again.out()).contains("run " + failedAgain + " of healthCheckJob for slot " + SLOT + ": FAILED");

        dsl.execute("ALTER TABLE vigil.db_stats_snapshot_away RENAME TO db_stats_snapshot");
        Cli.Result restart = cli.run("jobs", "restart", Long.toString(failedAgain));

        assertThat(restart.exitCode()).as(restart.toString()).isZero();
        long completed = restartedAs(restart, failedAgain);
        assertThat(restart.out()).contains("run " + completed + " of healthCheckJob for slot " + SLOT + ": COMPLETED");
        RunDetail detail = runs.show(completed).orElseThrow();
        assertThat(detail.summary().status()).isEqualTo("COMPLETED");
        assertThat(detail.steps()).extracting(RunDetail.Step::name)
                .as("partitions completed in the first run and is not run again").containsExactly("probe", "alerts");
        assertThat(detail.steps().getFirst().writeCount()).isEqualTo(2);
        var checksPerConnection = dsl.select(HEALTH_CHECK.CONNECTION_ID, org.jooq.impl.DSL.count())
                .from(HEALTH_CHECK)
                .where(HEALTH_CHECK.SLOT.eq(Instant.parse(SLOT)))
                .groupBy(HEALTH_CHECK.CONNECTION_ID)
                .fetch();
        assertThat(checksPerConnection).hasSize(2);
        assertThat(checksPerConnection).allSatisfy(row -> assertThat(row.value2()).isEqualTo(1));

        Cli.Result restartCompleted = cli.run("jobs", "restart", Long.toString(completed));
        assertThat(restartCompleted.exitCode()).isEqualTo(1);
        assertThat(restartCompleted.err()).isEqualTo("vigil: run " + completed + " is COMPLETED: only a FAILED or "
                + "STOPPED run can be restarted\n");

        Cli.Result restartSuperseded = cli.run("jobs", "restart", Long.toString(failed));
        assertThat(restartSuperseded.exitCode()).isEqualTo(1);
        assertThat(restartSuperseded.err()).isEqualTo("vigil: run " + failed + " is not the latest run of its slot: "
                + "run " + completed + " is (COMPLETED); see vigil jobs show " + completed + "\n");
    }

    private static long restartedAs(Cli.Result result, long original) {
        Matcher matcher = NEW_RUN.matcher(result.out());
        assertThat(matcher.find()).as(result.toString()).isTrue();
        assertThat(Long.parseLong(matcher.group(1))).isEqualTo(original);
        return Long.parseLong(matcher.group(2));
    }

    private static ConnectionDeclaration declaration(String name, String provider, String address) {
        return new ConnectionDeclaration(name, provider, address, "postgres", null, Duration.ofSeconds(3),
                Duration.ofSeconds(2), List.of("test"), true);
    }
}
