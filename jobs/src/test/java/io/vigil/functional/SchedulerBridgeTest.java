package io.vigil.functional;

import static io.vigil.db.jooq.Tables.BATCH_JOB_EXECUTION;
import static io.vigil.db.jooq.Tables.BATCH_JOB_INSTANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.health.fleet.ConnectionDeclaration;
import io.vigil.health.fleet.FleetSync;
import io.vigil.schedule.ScheduleInfo;
import io.vigil.schedule.ScheduleQueries;
import io.vigil.schedule.ScheduleReconciler;
import io.vigil.schedule.ScheduleService;
import io.vigil.schedule.SchedulesProperties;
import io.vigil.testing.FiredJobs;
import io.vigil.testing.TestHttpServer;
import io.vigil.testing.VigilSpringTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.CronTrigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.EverythingMatcher;
import org.springframework.beans.factory.annotation.Autowired;

/** The Quartz side: reconciling schedules, and a slot fired twice running once. */
@VigilSpringTest
class SchedulerBridgeTest {

    @Autowired Scheduler scheduler;
    @Autowired ScheduleReconciler reconciler;
    @Autowired ScheduleService schedules;
    @Autowired ScheduleQueries queries;
    @Autowired FleetSync fleetSync;
    @Autowired DSLContext dsl;

    private final TestHttpServer http = new TestHttpServer();

    @AfterEach
    void tearDown() throws Exception {
        scheduler.standby();
        http.close();
    }

    @Test
    void aNodeThatLosesTheRaceToStoreAScheduleJudgesTheStoredOneInstead() throws Exception {
        reconciler.reconcile(Map.of("healthCheckJob", schedule("0 */5 * * * ?")));
        // Two daemons starting at once: this one looked before the other stored the trigger, so it saw none,
        // and its own store then finds one there.
        AtomicBoolean looked = new AtomicBoolean();
        Scheduler late = (Scheduler) Proxy.newProxyInstance(Scheduler.class.getClassLoader(),
                new Class<?>[] {Scheduler.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getTrigger") && looked.compareAndSet(false, true)) {
                        return null;
                    }
                    try {
                        return method.invoke(scheduler, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        new ScheduleReconciler(late, Set.of("healthCheckJob")).reconcile(Map.of("healthCheckJob", schedule("0 */10 * * * ?")));

        assertThat(looked).isTrue();
        assertThat(queries.list()).singleElement().extracting(ScheduleInfo::cron).isEqualTo("0 */10 * * * ?");
        reconciler.reconcile(Map.of());
    }

    @Test
    void reconcilingAddsUpdatesKeepsAPauseAndRemoves() throws Exception {
        reconciler.reconcile(Map.of("healthCheckJob", schedule("0 */5 * * * ?")));
        schedules.pause("healthCheckJob");
        reconciler.reconcile(Map.of("healthCheckJob", schedule("0 */10 * * * ?")));

        List<ScheduleInfo> listed = queries.list();
        CronTrigger quartz = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("healthCheckJob", ScheduleReconciler.GROUP));
        assertThat(listed).singleElement().satisfies(info -> {
            assertThat(info.cron()).isEqualTo("0 */10 * * * ?");
            assertThat(info.zone()).isEqualTo("Europe/Berlin");
            assertThat(info.paused()).isTrue();
            assertThat(info.misfire()).isEqualTo("FIRE_NOW");
            // The rows read as Quartz itself reads them.
            assertThat(info.nextFireTime()).isEqualTo(quartz.getNextFireTime().toInstant());
            assertThat(info.previousFireTime()).isNull();
        });

        schedules.resume("healthCheckJob");
        assertThat(queries.list()).singleElement().extracting(ScheduleInfo::paused).isEqualTo(false);

        reconciler.reconcile(Map.of());
        assertThat(queries.list()).isEmpty();
    }

    @Test
    void aScheduleForAnUnknownJobOrWithABadCronIsRejectedByName() {
        assertThatThrownBy(() -> reconciler.reconcile(Map.of("nightlyJob", schedule("0 0 2 * * ?"))))
                .hasMessageContaining("vigil.schedules.nightlyJob: there is no job named 'nightlyJob'")
                .hasMessageContaining("healthCheckJob");
        assertThatThrownBy(() -> reconciler.reconcile(Map.of("healthCheckJob", schedule("every five minutes"))))
                .hasMessageContaining("vigil.schedules.healthCheckJob.cron");
    }

    @Test
    void theSameSlotFiredTwiceRunsOnce() throws Exception {
        fleetSync.sync(List.of(new ConnectionDeclaration("web", "http", http.url("/ok"), null, null,
                Duration.ofSeconds(1), Duration.ofSeconds(1), List.of(), true)));
        // Hourly: both manual firings fall into the current hour's slot.
        reconciler.reconcile(Map.of("healthCheckJob", schedule("0 0 * * * ?")));
        FiredJobs fired = new FiredJobs(2);
        scheduler.getListenerManager().addJobListener(fired, EverythingMatcher.allJobs());
        scheduler.start();

        schedules.trigger("healthCheckJob");
        schedules.trigger("healthCheckJob");

        assertThat(fired.await(30)).as("both firings finished").isTrue();
        assertThat(fired.failures()).isZero();
        assertThat(dsl.fetchCount(BATCH_JOB_INSTANCE, BATCH_JOB_INSTANCE.JOB_NAME.eq("healthCheckJob"))).isEqualTo(1);
        assertThat(dsl.fetchCount(BATCH_JOB_EXECUTION)).isEqualTo(1);
        assertThat(dsl.select(BATCH_JOB_EXECUTION.STATUS).from(BATCH_JOB_EXECUTION).fetchOne(BATCH_JOB_EXECUTION.STATUS))
                .isEqualTo("COMPLETED");
    }

    @Test
    void anUnknownScheduleNamesTheKnownOnes() throws Exception {
        reconciler.reconcile(Map.of("healthCheckJob", schedule("0 */5 * * * ?")));

        assertThatThrownBy(() -> schedules.pause("healthcheck"))
                .hasMessage("no schedule named 'healthcheck': known schedules are healthCheckJob");
    }

    private static SchedulesProperties.Schedule schedule(String cron) {
        return new SchedulesProperties.Schedule(cron, ZoneId.of("Europe/Berlin"), null, true, null, null);
    }
}
