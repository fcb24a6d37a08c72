package io.vigil.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ops.fixture.VigilProcess;
import io.vigil.testing.Eventually;
import io.vigil.testing.PostgresServer;
import io.vigil.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * vigil run as it really runs: its own JVM, started, then stopped with SIGTERM (what systemd and Ctrl-C
 * send), and it must shut down gracefully: its node checks out and nothing fails on the way. Its log
 * says both in a line of its own, and none of the frameworks' start-up banners.
 */
class RunCommandTest {

    private static final long STARTUP_SECONDS = 90;
    private static final long SHUTDOWN_SECONDS = 20;

    @Test
    void startsTheSchedulerOnTheConfiguredDatabaseAndShutsDownGracefullyOnSigterm() throws Exception {
        TestDatabase database = PostgresServer.newDatabase("vigil_run");
        DSLContext dsl = database.dsl();
        // What a URL may carry besides where the database is (its query string) stays out of the log.
        String url = database.url() + (database.url().contains("?") ? "&" : "?") + "ApplicationName=vigil-run-test";
        String where = database.url().replaceFirst("^jdbc:", "").replaceFirst("\\?.*", "");
        try (Daemon daemon = Daemon.start("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + database.user(), "--spring.datasource.password=",
                // A framework's INFO lines come back when asked for. jOOQ's logo and tip are INFO lines of
                // org.jooq.Constants: with it at INFO, only vigil's org.jooq.no-logo and no-tips keep them away.
                "--logging.level.com.zaxxer.hikari=INFO", "--logging.level.org.jooq.Constants=INFO")) {
            daemon.awaitStarted();
            daemon.awaitHeartbeat(dsl);
            assertThat(dsl.fetchCount(dsl.selectFrom("vigil.qrtz_triggers").where("trigger_name = 'healthCheckJob'")))
                    .as("the configured schedule is installed").isEqualTo(1);
            String node = dsl.fetchValue("select node_id from vigil.node").toString();
            assertThat(daemon.log().lines().filter(line -> line.contains("vigil started: "))).singleElement()
                    .satisfies(line -> assertThat(line).contains("vigil started: node " + node + ", database " + where
                                    + " (PostgreSQL ")
                            .endsWith("), 5 schedule(s) installed: dailyRollupJob, healthCheckJob, mailDeliveryJob, "
                                    + "retentionJob, rollupJob")
                            .doesNotContain("ApplicationName").doesNotContain("user="));
            assertThat(daemon.log()).contains("vigil - Start completed")
                    .doesNotContain("Thank you for using jOOQ").doesNotContain("tip of the day");

            daemon.terminateGracefully();

            assertThat(dsl.fetchCount(dsl.selectFrom("vigil.node"))).as("its node checked out").isZero();
            assertThat(daemon.log()).containsPattern("vigil stopped: node " + Pattern.quote(node) + ", \\d+ runs? finished, "
                    + "none left for restart\n").contains("vigil - Shutdown completed");
        }
    }

    @Test
    void shutsDownGracefullyOnItsEmbeddedDatabaseToo() throws Exception {
        Path dataDirectory = Files.createTempDirectory("vigil-run-test-");
        try (Daemon daemon = Daemon.start("--vigil.database.data-dir=" + dataDirectory, "--spring.datasource.url=")) {
            daemon.awaitStarted();
            daemon.awaitHeartbeat(embeddedServer(dataDirectory));

            daemon.terminateGracefully();
            assertThat(daemon.log()).as("at the levels Vigil ships").contains("vigil stopped: node ")
                    .doesNotContain("HikariPool").doesNotContain("HikariDataSource")
                    .doesNotContain("Quartz Scheduler").doesNotContain("Scheduler meta-data")
                    .doesNotContain("Thank you for using jOOQ").doesNotContain("tip of the day")
                    .doesNotContain("No active profile set");

            assertThat(dataDirectory.resolve("postmaster.pid")).as("its PostgreSQL is stopped").doesNotExist();
        } finally {
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** The daemon's own PostgreSQL, found as a second vigil process would find it: by its postmaster.pid. */
    private static DSLContext embeddedServer(Path dataDirectory) throws IOException {
        int port = Integer.parseInt(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(3).trim());
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl("jdbc:postgresql://127.0.0.1:" + port + "/postgres");
        dataSource.setUser("postgres");
        return DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    /** vigil run in its own JVM, with the checks a graceful start and stop need. */
    private static final class Daemon implements AutoCloseable {

        private final VigilProcess process;

        private Daemon(VigilProcess process) {
            this.process = process;
        }

        static Daemon start(String... springArguments) {
            List<String> arguments = new ArrayList<>(List.of("run", "--vigil.node.heartbeat-interval=500ms"));
            arguments.addAll(List.of(springArguments));
            return new Daemon(VigilProcess.start(arguments.toArray(String[]::new)));
        }

        void awaitStarted() {
            process.awaitLog("vigil started: node ", Duration.ofSeconds(STARTUP_SECONDS));
        }

        String log() {
            return process.log();
        }

        /**
         * Waits for the daemon's node to check in a second time: by then it is in its steady state (pool
         * filled, heartbeats running), which is what SIGTERM finds in production.
         */
        void awaitHeartbeat(DSLContext dsl) {
            Eventually.await("its node to check in twice", Duration.ofSeconds(STARTUP_SECONDS),
                    () -> dsl.fetchExists(dsl.selectFrom("vigil.node").where("last_seen > started_at")));
            assertThat(dsl.fetchCount(dsl.selectFrom("vigil.node").where("last_seen > started_at")))
                    .as("its node checks in").isEqualTo(1);
        }

        void terminateGracefully() throws InterruptedException {
            int status = process.terminate(Duration.ofSeconds(SHUTDOWN_SECONDS));
            // 143 = 128 + SIGTERM: the JVM's status after a signal, whatever the shutdown hooks did.
            assertThat(status).as(process.log()).isEqualTo(143);
            assertThat(process.log()).contains("vigil stopped: node ")
                    .doesNotContainPattern("(?m)^\\S+ +ERROR ")
                    .doesNotContain("Failed to validate connection")
                    .doesNotContain("Failed to stop bean");
        }

        @Override
        public void close() throws IOException {
            process.close();
        }
    }
}
