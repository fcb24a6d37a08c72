package io.vigil.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schedule.ScheduleReconciler;
import io.vigil.schedule.Schedules;
import io.vigil.testing.VigilSpringTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quartz.SchedulerException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** vigil schedule, against the schedules the daemon would install, with the scheduler not started. */
@VigilSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduleCommandTest {

    @Autowired ApplicationContext spring;
    @Autowired ScheduleReconciler reconciler;
    @Autowired Schedules schedules;
    @Autowired DSLContext dsl;

    private Cli cli;

    @BeforeAll
    void installSchedules() throws SchedulerException {
        cli = Cli.on(spring);
        reconciler.reconcile(schedules.enabled());
    }

    @Test
    void listShowsEachScheduleWithItsNextFireTime() {
        Cli.Result result = cli.run("schedule", "list");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsPattern("(?m)^JOB +CRON +ZONE +MISFIRE +PREVIOUS FIRE +NEXT FIRE +PAUSED$")
                .containsPattern("(?m)^healthCheckJob +0 \\*/5 \\* \\* \\* \\? +UTC +FIRE_NOW +- +"
                        + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d[05]:00Z +(no|yes)$")
                .containsPattern("(?m)^mailDeliveryJob +0 \\* \\* \\* \\* \\? +UTC +FIRE_NOW +- +"
                        + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00Z +no$");
    }

    @Test
    void pauseAndResumeShowInTheList() {
        Cli.Result pause = cli.run("schedule", "pause", "healthCheckJob");
        assertThat(pause.exitCode()).as(pause.toString()).isZero();
        assertThat(pause.out()).isEqualTo("paused healthCheckJob: it does not fire until vigil schedule resume "
                + "healthCheckJob\n");
        assertThat(paused()).isTrue();
        assertThat(cli.run("schedule", "list").out()).containsPattern("(?m)^healthCheckJob .* yes$");

        Cli.Result resume = cli.run("schedule", "resume", "healthCheckJob");
        assertThat(resume.exitCode()).as(resume.toString()).isZero();
        assertThat(resume.out()).matches("resumed healthCheckJob: next fire \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00Z\n");
        assertThat(paused()).isFalse();
    }

    @Test
    void listAsJsonHasIsoFireTimes() {
        Cli.Result result = cli.run("schedule", "list", "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode schedules = JsonMapper.builder().build().readTree(result.out());
        JsonNode schedule = null;
        for (JsonNode each : schedules) {
            if (each.get("job").asString().equals("healthCheckJob")) {
                schedule = each;
            }
        }
        assertThat(schedule).as(result.out()).isNotNull();
        assertThat(schedule.get("cron").asString()).isEqualTo("0 */5 * * * ?");
        assertThat(schedule.get("zone").asString()).isEqualTo("UTC");
        assertThat(schedule.get("misfire").asString()).isEqualTo("FIRE_NOW");
        assertThat(schedule.get("previousFireTime").isNull()).isTrue();
        assertThat(schedule.get("nextFireTime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d[05]:00Z");
        assertThat(schedule.get("paused").isBoolean()).isTrue();
    }

    @Test
    void triggerStoresAFiringForTheDaemons() {
        Cli.Result result = cli.run("schedule", "trigger", "healthCheckJob");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("triggered healthCheckJob: a running daemon (vigil run) launches it");
        assertThat(dsl.fetchCount(dsl.selectFrom("vigil.qrtz_triggers")
                .where("job_name = 'healthCheckJob' and trigger_name like 'MT_%'"))).isEqualTo(1);
    }

    @Test
    void anUnknownScheduleFailsWithTheKnownOnes() {
        for (String command : new String[] {"pause", "resume", "trigger"}) {
            Cli.Result result = cli.run("schedule", command, "nightlyJob");
            assertThat(result.exitCode()).as(command + "\n" + result).isEqualTo(1);
            assertThat(result.err()).matches("vigil: no schedule named 'nightlyJob': known schedules are "
                    + "([a-zA-Z]+, )*healthCheckJob(, [a-zA-Z]+)*\n").contains("rollupJob").contains("mailDeliveryJob");
        }
    }

    private boolean paused() {
        return dsl.fetchExists(dsl.selectFrom("vigil.qrtz_triggers")
                .where("trigger_name = 'healthCheckJob' and trigger_state = 'PAUSED'"));
    }
}
