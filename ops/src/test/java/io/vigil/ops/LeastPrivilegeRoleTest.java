package io.vigil.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.health.LimitedVisibilityLog;
import io.vigil.health.fleet.ConnectionDeclaration;
import io.vigil.health.fleet.FleetSync;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.Launches;
import io.vigil.testing.PostgresServer;
import io.vigil.testing.VigilSpringTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A monitoring role without pg_monitor: what it cannot see is said where the figure would be, in
 * {@code vigil fleet test} and {@code fleet list}, and once in the log, never printed as a number.
 */
@VigilSpringTest
class LeastPrivilegeRoleTest {

    private static final String NOT_VISIBLE =
            "longest transaction, sessions by state not visible to this role: grant pg_monitor";

    @Autowired ApplicationContext spring;
    @Autowired FleetSync fleetSync;
    @Autowired SlotLauncher launcher;

    @Test
    void whatTheRoleCannotSeeIsNamedWithTheGrantAndLoggedOnce() throws SQLException {
        int port = PostgresServer.server().getPort();
        execute(port, "DROP ROLE IF EXISTS vigil_cli_monitor");
        execute(port, "CREATE ROLE vigil_cli_monitor LOGIN");
        fleetSync.sync(List.of(new ConnectionDeclaration("least", "postgresql", "127.0.0.1:" + port + "/postgres",
                "vigil_cli_monitor", null, Duration.ofSeconds(5), Duration.ofSeconds(3), List.of(), true)));
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(LimitedVisibilityLog.class);
        log.start();
        logger.addAppender(log);
        try {
            Instant slot = Instant.parse("2026-11-23T10:00:00Z");
            Launches.completed(launcher.launch(HealthCheckJobConfiguration.JOB, Slot.of(slot), "test"));
            Launches.completed(launcher.launch(HealthCheckJobConfiguration.JOB, Slot.of(slot.plusSeconds(300)), "test"));
        } finally {
            logger.detachAppender(log);
        }

        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .as("once, though both slots saw it")
                .containsExactly("connection least: " + NOT_VISIBLE + " (see: vigil fleet show least)");

        Cli.Result list = Cli.on(spring).run("fleet", "list");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).containsPattern("(?m)^least +POSTGRESQL .* UP .*" + NOT_VISIBLE + "$");

        Cli.Result test = Cli.on(spring).run("fleet", "test", "least");
        assertThat(test.exitCode()).as(test.toString()).isZero();
        assertThat(test.out()).containsPattern("(?m)^  longest transaction +not visible to this role: grant pg_monitor$")
                .containsPattern("(?m)^  sessions by state +not visible to this role: grant pg_monitor$")
                .containsPattern("(?m)^  connections +\\d+ of \\d+$");
    }

    private static void execute(int port, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
