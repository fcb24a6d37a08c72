package io.vigil.functional;

import static io.vigil.db.jooq.Tables.HEALTH_CHECK;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.VigilApplication;
import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.health.fleet.FleetProperties;
import io.vigil.health.fleet.FleetSync;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.PostgresServer;
import io.vigil.testing.TestBeans;
import io.vigil.testing.TestDatabase;
import io.vigil.testing.TestHttpServer;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Shutting down while a run executes stops it cleanly, and it can be restarted to completion. */
class GracefulShutdownTest {

    private static final Instant SLOT = Instant.parse("2026-11-23T11:00:00Z");

    @Test
    void aRunningJobIsStoppedAtShutdownAndStaysRestartable() throws Exception {
        TestDatabase database = PostgresServer.newDatabase("shutdown");
        try (TestHttpServer http = new TestHttpServer()) {
            ConfigurableApplicationContext first = node(database, http);
            first.getBean(FleetSync.class).sync(first.getBean(FleetProperties.class).connections());
            SlotLauncher launcher = first.getBean(SlotLauncher.class);
            CompletableFuture<SlotLauncher.Outcome> run = CompletableFuture.supplyAsync(
                    () -> launcher.launch(HealthCheckJobConfiguration.JOB, Slot.of(SLOT), "test"));
            assertThat(http.awaitHanging(30)).as("the hanging target is being probed").isTrue();

            first.close();

            JobExecution stopped = ((SlotLauncher.Started) run.get()).execution();
            assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);

            try (ConfigurableApplicationContext second = node(database, http)) {
                JobRepository repository = second.getBean(JobRepository.class);
                JobExecution restarted = second.getBean(JobOperator.class)
                        .restart(repository.getJobExecution(stopped.getId()));
                assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            }
        }
        assertThat(database.dsl().fetchCount(HEALTH_CHECK)).isEqualTo(2);
    }

    private static ConfigurableApplicationContext node(TestDatabase database, TestHttpServer http) {
        return new SpringApplicationBuilder(VigilApplication.class, TestBeans.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.user(),
                        "--vigil.health.chunk-size=1",
                        "--vigil.fleet.connections[0].name=fast",
                        "--vigil.fleet.connections[0].provider=http",
                        "--vigil.fleet.connections[0].address=" + http.url("/ok"),
                        "--vigil.fleet.connections[1].name=hanging",
                        "--vigil.fleet.connections[1].provider=http",
                        "--vigil.fleet.connections[1].address=" + http.url("/hang"),
                        "--vigil.fleet.connections[1].timeout=2s",
                        "--logging.level.io.zonky=WARN");
    }
}
