package io.vigil.concurrent;

import static io.vigil.db.jooq.Tables.BATCH_JOB_EXECUTION;
import static io.vigil.db.jooq.Tables.BATCH_JOB_EXECUTION_PARAMS;
import static io.vigil.db.jooq.Tables.BATCH_JOB_INSTANCE;
import static io.vigil.db.jooq.Tables.HEALTH_CHECK;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.VigilApplication;
import io.vigil.schedule.Daemon;
import io.vigil.testing.FiredJobs;
import io.vigil.testing.PostgresServer;
import io.vigil.testing.TestBeans;
import io.vigil.testing.TestDatabase;
import io.vigil.testing.TestHttpServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.EverythingMatcher;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Quartz nodes on one database, a schedule firing every second: every slot runs exactly once, on
 * one node or the other, and nothing fails because of the race.
 */
class ClusteredSchedulerTest {

    private static final int SLOTS = 8;

    @Test
    void twoNodesRunEachSlotExactlyOnce() throws Exception {
        TestDatabase database = PostgresServer.newDatabase("cluster");
        List<ConfigurableApplicationContext> nodes = new ArrayList<>();
        FiredJobs fired = new FiredJobs(SLOTS);
        try (TestHttpServer http = new TestHttpServer()) {
            for (String node : List.of("node-a", "node-b")) {
                ConfigurableApplicationContext context = node(database, node, http.url("/ok"));
                nodes.add(context);
                context.getBean(Scheduler.class).getListenerManager().addJobListener(fired, EverythingMatcher.allJobs());
            }
            for (ConfigurableApplicationContext node : nodes) {
                node.getBean(Daemon.class).start();
            }
            assertThat(fired.await(60)).as("%d firings across the cluster", SLOTS).isTrue();
        } finally {
            nodes.forEach(ConfigurableApplicationContext::close);
        }

        DSLContext dsl = database.dsl();
        var perSlot = dsl.select(BATCH_JOB_EXECUTION_PARAMS.PARAMETER_VALUE, org.jooq.impl.DSL.count())
                .from(BATCH_JOB_EXECUTION_PARAMS)
                .join(BATCH_JOB_EXECUTION).on(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID.eq(BATCH_JOB_EXECUTION_PARAMS.JOB_EXECUTION_ID))
                .where(BATCH_JOB_EXECUTION_PARAMS.PARAMETER_NAME.eq("slot"))
                .groupBy(BATCH_JOB_EXECUTION_PARAMS.PARAMETER_VALUE)
                .fetchMap(r -> r.value1(), r -> r.value2());
        // On a loaded machine a run can outlast its one-second period: the next firing is late, and two
        // firings can fall in one slot, the second skipped. What cannot vary is that each slot a firing
        // was for has exactly one run. With a cron of every second, a firing's slot is its second.
        var firedSlots = fired.scheduledFireTimes().stream().map(t -> t.truncatedTo(ChronoUnit.SECONDS)).toList();
        assertThat(perSlot.keySet()).as("a run for each slot a firing was for, and only those")
                .containsExactlyInAnyOrderElementsOf(firedSlots.stream().distinct().map(Instant::toString).toList());
        assertThat(perSlot.values()).allMatch(count -> count == 1);
        assertThat(dsl.fetchCount(BATCH_JOB_INSTANCE)).isEqualTo(perSlot.size());
        assertThat(dsl.selectDistinct(BATCH_JOB_EXECUTION.STATUS).from(BATCH_JOB_EXECUTION).fetch(BATCH_JOB_EXECUTION.STATUS))
                .containsOnly("COMPLETED");
        assertThat(dsl.fetchCount(HEALTH_CHECK)).isEqualTo(perSlot.size());
        assertThat(fired.failures()).isZero();
    }

    private static ConfigurableApplicationContext node(TestDatabase database, String instanceId, String target) {
        // Command-line arguments, because builder properties are defaults that application.yml overrides.
        return new SpringApplicationBuilder(VigilApplication.class, TestBeans.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.user(),
                        "--spring.quartz.properties.org.quartz.scheduler.instanceId=" + instanceId,
                        "--vigil.schedules.healthCheckJob.cron=* * * * * ?",
                        // Only the job under test fires: mailDeliveryJob's minute and rollupJob's five minutes
                        // would otherwise add a run of their own to a slot at :00, whenever the test spans one.
                        "--vigil.schedules.mailDeliveryJob.enabled=false",
                        "--vigil.schedules.rollupJob.enabled=false",
                        "--vigil.schedules.dailyRollupJob.enabled=false",
                        "--vigil.schedules.retentionJob.enabled=false",
                        "--vigil.fleet.connections[0].name=web",
                        "--vigil.fleet.connections[0].provider=http",
                        "--vigil.fleet.connections[0].address=" + target,
                        "--logging.level.io.zonky=WARN");
    }
}
