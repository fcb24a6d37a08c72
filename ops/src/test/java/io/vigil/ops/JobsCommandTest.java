package io.vigil.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.health.fleet.ConnectionDeclaration;
import io.vigil.health.fleet.FleetSync;
import io.vigil.runs.NodeIdentity;
import io.vigil.runs.NodeRegistry;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.SettableClock;
import io.vigil.testing.TestBeans;
import io.vigil.testing.TestHttpServer;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** vigil jobs list, show, launch, stop, abandon, recover, against runs in a real job repository. */
@VigilSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobsCommandTest {

    private static final String JOB = HealthCheckJobConfiguration.JOB;
    private static final Instant FIRST_SLOT = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant SECOND_SLOT = Instant.parse("2026-11-23T08:05:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ISO_INSTANT = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";
    private static final NodeIdentity DEAD_NODE = new NodeIdentity("ghost-host-1-deadbeef", "ghost-host", 1);

    @Autowired ApplicationContext spring;
    @Autowired FleetSync fleetSync;
    @Autowired SlotLauncher launcher;
    @Autowired JobRepository jobRepository;
    @Autowired NodeRegistry nodeRegistry;
    @Autowired NodeIdentity thisNode;
    @Autowired SettableClock clock;

    private final TestHttpServer http = new TestHttpServer();
    private Cli cli;
    private long firstRun;
    private long secondRun;

    @BeforeAll
    void runTheJobForTwoSlots() {
        cli = Cli.on(spring);
        fleetSync.sync(List.of(
                declaration("http-ok", "http", http.url("/ok")),
                declaration("closed-port", "postgresql", "127.0.0.1:" + TestHttpServer.closedPort() + "/x")));
        firstRun = started(launcher.launch(JOB, Slot.of(FIRST_SLOT), "test")).getId();
        secondRun = started(launcher.launch(JOB, Slot.of(SECOND_SLOT), "test")).getId();
    }

    @AfterAll
    void stopServer() {
        http.close();
    }

    @Test
    void listShowsRunsNewestFirstInAlignedColumns() {
        Cli.Result result = cli.run("jobs", "list");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String[] lines = result.out().split("\n");
        assertThat(lines[0]).matches("ID +JOB +SLOT +STATUS +STARTED +ENDED +EXIT CODE");
        assertThat(result.out())
                .containsPattern("(?m)^" + firstRun + " +healthCheckJob +2026-11-23T08:00:00Z +COMPLETED +"
                        + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ +COMPLETED$");
        assertThat(result.out().indexOf("2026-11-23T08:05:00Z")).isLessThan(result.out().indexOf("2026-11-23T08:00:00Z"));
        assertThat(result.err()).isEmpty();
    }

    @Test
    void listFiltersByStatusJobAndLimit() {
        Cli.Result limited = cli.run("jobs", "list", "--limit", "1");
        assertThat(limited.out().strip().split("\n")).hasSize(2);

        Cli.Result completed = cli.run("jobs", "list", "--status", "completed", "--job", JOB);
        assertThat(completed.exitCode()).as(completed.toString()).isZero();
        assertThat(completed.out()).contains("2026-11-23T08:00:00Z").contains("2026-11-23T08:05:00Z");

        Cli.Result otherJob = cli.run("jobs", "list", "--job", "noSuchJob");
        assertThat(otherJob.exitCode()).isZero();
        assertThat(otherJob.out()).isEqualTo("no runs match\n");
    }

    @Test
    void listAsJsonHasTheRunsFieldsWithIsoTimes() {
        Cli.Result result = cli.run("jobs", "list", "--json", "--job", JOB, "--status", "COMPLETED");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode runs = JSON.readTree(result.out());
        assertThat(runs.isArray()).isTrue();
        JsonNode first = runs.valueStream().filter(run -> run.get("id").asLong() == firstRun).findFirst().orElseThrow();
        assertThat(first.get("job").asString()).isEqualTo(JOB);
        assertThat(first.get("slot").asString()).isEqualTo("2026-11-23T08:00:00Z");
        assertThat(first.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(first.get("exitCode").asString()).isEqualTo("COMPLETED");
        assertThat(first.get("startTime").isString()).isTrue();
        assertThat(first.get("startTime").asString()).matches(ISO_INSTANT);
        assertThat(first.get("endTime").asString()).matches(ISO_INSTANT);
    }

    @Test
    void showPrintsParametersOwnerAndEveryStepWithItsCounts() {
        Cli.Result result = cli.run("jobs", "show", Long.toString(firstRun));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains("run " + firstRun + " of healthCheckJob for slot 2026-11-23T08:00:00Z")
                .contains("status      COMPLETED (exit code COMPLETED)")
                .contains("owner node  " + thisNode.nodeId())
                .contains("parameters  ")
                .contains("slot=2026-11-23T08:00:00Z")
                .contains("trigger=test")
                .containsPattern("STEP +STATUS +READ +WRITE +FILTER +SKIP +COMMIT +ROLLBACK +STARTED +ENDED +EXIT CODE")
                .containsPattern("(?m)^partitions +COMPLETED +0 +0 +0 +0 +1 +0 ")
                .containsPattern("(?m)^probe +COMPLETED +2 +2 +0 +0 +1 +0 ")
                .doesNotContain("restart");
    }

    @Test
    void showAsJsonHasTheRunItsStepsAndTheirCounts() {
        Cli.Result result = cli.run("jobs", "show", Long.toString(secondRun), "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode detail = JSON.readTree(result.out());
        assertThat(detail.get("summary").get("id").asLong()).isEqualTo(secondRun);
        assertThat(detail.get("summary").get("status").asString()).isEqualTo("COMPLETED");
        assertThat(detail.get("summary").get("slot").asString()).isEqualTo("2026-11-23T08:05:00Z");
        assertThat(detail.get("ownerNode").asString()).isEqualTo(thisNode.nodeId());
        assertThat(detail.get("parameters").get("slot").asString()).isEqualTo("2026-11-23T08:05:00Z");
        JsonNode steps = detail.get("steps");
        assertThat(steps.valueStream().map(step -> step.get("name").asString())).containsExactly("partitions", "probe", "alerts");
        JsonNode probe = steps.get(1);
        assertThat(probe.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(probe.get("readCount").asInt()).isEqualTo(2);
        assertThat(probe.get("writeCount").asInt()).isEqualTo(2);
        assertThat(probe.get("startTime").asString()).matches(ISO_INSTANT);
    }

    @Test
    void anUnknownRunIdFailsWithWhereToLook() {
        for (String command : List.of("show", "restart", "stop", "abandon", "recover")) {
            Cli.Result result = cli.run("jobs", command, "999999");
            assertThat(result.exitCode()).as(command + "\n" + result).isEqualTo(1);
            assertThat(result.err()).as(command).isEqualTo("vigil: no run with id 999999: see vigil jobs list\n");
            assertThat(result.out()).as(command).isEmpty();
        }
    }

    @Test
    void verbosePrintsTheStackTraceOfAFailure() {
        Cli.Result result = cli.run("jobs", "show", "999999", "--verbose");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("vigil: no run with id 999999").contains("CommandFailure")
                .contains("at io.vigil.ops.JobsCommand");
        assertThat(cli.run("jobs", "show", "999999").err()).doesNotContain("at io.vigil");
    }

    @Test
    void launchWithASlotRunsTheJobHereAndASecondLaunchIsSkipped() {
        Cli.Result first = cli.run("jobs", "launch", JOB, "--slot", "2026-11-23T09:00:00Z");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).containsPattern("^run (\\d+) of healthCheckJob for slot 2026-11-23T09:00:00Z: "
                + "COMPLETED in \\d+\\.\\d s\n$");
        long id = Long.parseLong(first.out().split(" ")[1]);
        assertThat(jobRepository.getJobExecution(id).getJobParameters().getString("trigger")).isEqualTo("manual");

        Cli.Result second = cli.run("jobs", "launch", JOB, "--slot", "2026-11-23T09:00:00Z");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).isEqualTo("skipped: healthCheckJob for slot 2026-11-23T09:00:00Z has a run "
                + "already: run " + id + " is COMPLETED\n");
    }

    @Test
    void launchWithoutSlotRunsForThePeriodOfTheScheduleInProgress() {
        clock.set(Instant.parse("2026-11-23T10:02:30Z"));
        try {
            Cli.Result result = cli.run("jobs", "launch", JOB);

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).contains("of healthCheckJob for slot 2026-11-23T10:00:00Z: COMPLETED");
        } finally {
            clock.set(TestBeans.START);
        }
    }

    @Test
    void launchOfAnUnknownJobFailsWithTheKnownJobs() {
        Cli.Result result = cli.run("jobs", "launch", "nightlyJob", "--slot", "2026-11-23T09:00:00Z");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        // Every job of the application, in name order (more arrive with each job family).
        assertThat(result.err()).matches("vigil: no job named 'nightlyJob': known jobs are ([a-zA-Z]+, )*healthCheckJob(, [a-zA-Z]+)*\n")
                .contains("rollupJob").contains("mailDeliveryJob");
    }

    @Test
    void launchHelpNamesEveryJobTheApplicationHas() {
        assertThat(JobNames.ALL).as("JobNames lists the application's jobs, in name order")
                .containsExactlyElementsOf(new TreeSet<>(launcher.jobNames()));

        Cli.Result help = Cli.withoutSpring().run("jobs", "launch", "--help");
        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out().replaceAll("\\s+", " ")).contains("The job: " + String.join(", ", JobNames.ALL) + ".");
    }

    @Test
    void stopAsksARunningRunToStopAndThenItCanBeAbandoned() {
        long id = runLeft(Instant.parse("2020-01-01T00:00:00Z"), BatchStatus.STARTED, thisNode);

        Cli.Result stop = cli.run("jobs", "stop", Long.toString(id));
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(stop.out()).startsWith("run " + id + " is STOPPED: the node running it stops at its next chunk "
                + "boundary").contains("vigil jobs restart " + id);
        assertThat(status(id)).isEqualTo(BatchStatus.STOPPED);

        Cli.Result again = cli.run("jobs", "stop", Long.toString(id));
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("vigil: run " + id + " is STOPPED, not running: there is nothing to stop\n");

        Cli.Result abandon = cli.run("jobs", "abandon", Long.toString(id));
        assertThat(abandon.exitCode()).as(abandon.toString()).isZero();
        assertThat(abandon.out()).isEqualTo("run " + id + " is ABANDONED: it will not be restarted, and slot "
                + "2020-01-01T00:00:00Z of healthCheckJob is not run again\n");
        assertThat(status(id)).isEqualTo(BatchStatus.ABANDONED);

        Cli.Result abandonAgain = cli.run("jobs", "abandon", Long.toString(id));
        assertThat(abandonAgain.exitCode()).isEqualTo(1);
        assertThat(abandonAgain.err()).contains("run " + id + " is ABANDONED: only a run that did not complete");

        Cli.Result restart = cli.run("jobs", "restart", Long.toString(id));
        assertThat(restart.exitCode()).isEqualTo(1);
        assertThat(restart.err()).isEqualTo("vigil: run " + id + " is ABANDONED: only a FAILED or STOPPED run can "
                + "be restarted\n");
    }

    @Test
    void aRunThatIsNotRunningCannotBeStoppedAndACompletedOneNotAbandonedOrRestarted() {
        Cli.Result stop = cli.run("jobs", "stop", Long.toString(firstRun));
        assertThat(stop.exitCode()).isEqualTo(1);
        assertThat(stop.err()).isEqualTo("vigil: run " + firstRun + " is COMPLETED, not running: there is nothing "
                + "to stop\n");

        Cli.Result abandon = cli.run("jobs", "abandon", Long.toString(firstRun));
        assertThat(abandon.exitCode()).isEqualTo(1);
        assertThat(abandon.err()).contains("run " + firstRun + " is COMPLETED: only a run that did not complete");

        Cli.Result restart = cli.run("jobs", "restart", Long.toString(firstRun));
        assertThat(restart.exitCode()).isEqualTo(1);
        assertThat(restart.err()).isEqualTo("vigil: run " + firstRun + " is COMPLETED: only a FAILED or STOPPED "
                + "run can be restarted\n");
        assertThat(status(firstRun)).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void aRunningRunIsNeitherAbandonedNorRestarted() {
        long id = runLeft(Instant.parse("2020-01-02T00:00:00Z"), BatchStatus.STARTED, thisNode);

        Cli.Result abandon = cli.run("jobs", "abandon", Long.toString(id));
        assertThat(abandon.exitCode()).isEqualTo(1);
        assertThat(abandon.err()).isEqualTo("vigil: run " + id + " is STARTED: stop it first with vigil jobs stop "
                + id + ", or if its node died, mark it FAILED with vigil jobs recover " + id + "\n");

        Cli.Result restart = cli.run("jobs", "restart", Long.toString(id));
        assertThat(restart.exitCode()).isEqualTo(1);
        assertThat(restart.err()).contains("run " + id + " is STARTED: only a FAILED or STOPPED run can be restarted; "
                + "if its node died, mark it FAILED first with vigil jobs recover " + id);
        assertThat(status(id)).isEqualTo(BatchStatus.STARTED);
    }

    @Test
    void recoverMarksFailedARunWhoseNodeNeverCheckedIn() {
        long id = runLeft(Instant.parse("2020-01-03T00:00:00Z"), BatchStatus.STARTED, DEAD_NODE);

        Cli.Result result = cli.run("jobs", "recover", Long.toString(id));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("run " + id + " is FAILED: restart it with vigil jobs restart " + id + "\n");
        assertThat(status(id)).isEqualTo(BatchStatus.FAILED);

        Cli.Result again = cli.run("jobs", "recover", Long.toString(id));
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("run " + id + " is FAILED, not running");

        Cli.Result show = cli.run("jobs", "show", Long.toString(id));
        assertThat(show.out()).containsPattern("(?m)^taken over  by node " + thisNode.nodeId() + " at \\S+, and left "
                + "FAILED: recovered by hand \\(vigil jobs recover\\): an operator decides whether to restart it$");
    }

    @Test
    void recoverRefusesARunOfALiveNodeUnlessForced() {
        long id = runLeft(Instant.parse("2020-01-04T00:00:00Z"), BatchStatus.STARTED, thisNode);

        Cli.Result refused = cli.run("jobs", "recover", Long.toString(id));
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("run " + id + " belongs to node " + thisNode.nodeId())
                .contains("still checks in").contains("--force");
        assertThat(status(id)).isEqualTo(BatchStatus.STARTED);

        Cli.Result forced = cli.run("jobs", "recover", Long.toString(id), "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(status(id)).isEqualTo(BatchStatus.FAILED);
    }

    /** A run as a process that died would leave it: created, marked running, owned by {@code owner}. */
    private long runLeft(Instant slot, BatchStatus status, NodeIdentity owner) {
        JobParameters parameters = Slot.of(slot).toParameters("test");
        JobInstance instance = jobRepository.createJobInstance(JOB, parameters);
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStatus(status);
        execution.setStartTime(LocalDateTime.now());
        jobRepository.update(execution);
        nodeRegistry.recordOwner(execution.getId(), owner);
        return execution.getId();
    }

    private BatchStatus status(long id) {
        return jobRepository.getJobExecution(id).getStatus();
    }

    private static JobExecution started(SlotLauncher.Outcome outcome) {
        JobExecution execution = ((SlotLauncher.Started) outcome).execution();
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    private static ConnectionDeclaration declaration(String name, String provider, String address) {
        return new ConnectionDeclaration(name, provider, address, "postgres", null, Duration.ofSeconds(2),
                Duration.ofSeconds(1), List.of("test"), true);
    }
}
