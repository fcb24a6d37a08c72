package io.vigil.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Bad command lines exit 2 with what is wrong, before anything starts (the context fails the test if asked). */
class UsageErrorsTest {

    private final Cli cli = Cli.withoutSpring();

    @Test
    void anUnknownCommandIsAUsageErrorWithSuggestions() {
        Cli.Result result = cli.run("jobz", "list");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("Unmatched argument").contains("jobz").contains("Did you mean")
                .contains("jobs").contains("Try 'vigil --help'");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anUnknownSubcommandIsAUsageError() {
        Cli.Result result = cli.run("jobs", "delete", "3");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("delete").contains("Try 'vigil jobs --help'");
    }

    @Test
    void aMissingCommandIsAUsageError() {
        assertThat(cli.run().exitCode()).isEqualTo(2);
        Cli.Result jobs = cli.run("jobs");
        assertThat(jobs.exitCode()).isEqualTo(2);
        assertThat(jobs.err()).contains("Missing command: see vigil jobs --help");
        assertThat(cli.run("schedule").exitCode()).isEqualTo(2);
        assertThat(cli.run("fleet").exitCode()).isEqualTo(2);
    }

    @Test
    void aMissingArgumentIsAUsageError() {
        for (String[] args : new String[][] {{"jobs", "show"}, {"jobs", "restart"}, {"jobs", "stop"},
                {"jobs", "abandon"}, {"jobs", "recover"}, {"jobs", "launch"}, {"schedule", "pause"},
                {"schedule", "resume"}, {"schedule", "trigger"}, {"fleet", "test"}}) {
            Cli.Result result = cli.run(args);
            assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result).isEqualTo(2);
            assertThat(result.err()).contains("Missing required parameter");
        }
    }

    @Test
    void aRunIdMustBeANumber() {
        Cli.Result result = cli.run("jobs", "show", "seven");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("Invalid value for positional parameter at index 0 (ID): 'seven'");
    }

    @Test
    void anUnknownStatusIsAUsageErrorListingTheStatuses() {
        Cli.Result result = cli.run("jobs", "list", "--status", "BROKEN");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("'BROKEN'").contains(
                "COMPLETED, STARTING, STARTED, STOPPING, STOPPED, FAILED, ABANDONED, UNKNOWN");
    }

    @Test
    void aLimitBelowOneIsAUsageError() {
        Cli.Result result = cli.run("jobs", "list", "--limit", "0");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("--limit must be at least 1, not 0");
    }

    @Test
    void aBadSlotIsAUsageErrorWithAnExample() {
        Cli.Result result = cli.run("jobs", "launch", "healthCheckJob", "--slot", "tomorrow 10:05");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("'tomorrow 10:05' is not an ISO-8601 instant")
                .contains("2026-11-23T10:05:00Z");
    }

    @Test
    void jsonIsOnlyOfferedWhereThereIsDataToPrint() {
        Cli.Result result = cli.run("jobs", "restart", "3", "--json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option: '--json'");
    }

    @Test
    void helpAndVersionExitZeroWithoutStartingAnything() {
        Cli.Result help = cli.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: vigil").contains("run").contains("jobs").contains("schedule")
                .contains("fleet").contains("demo").contains("--vigil.database.data-dir=");

        Cli.Result launchHelp = cli.run("jobs", "launch", "--help");
        assertThat(launchHelp.exitCode()).isZero();
        assertThat(launchHelp.out()).contains("Usage: vigil jobs launch").contains("--slot=TIME");

        Cli.Result helpCommand = cli.run("help", "fleet");
        assertThat(helpCommand.exitCode()).isZero();
        assertThat(helpCommand.out()).contains("Usage: vigil fleet");

        assertThat(cli.run("--version").out()).startsWith("vigil ");
    }

    @Test
    void aSpringPropertyWithoutValueIsAUsageErrorBeforeAnythingStarts() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exitCode = VigilCli.execute(new String[] {"jobs", "list", "--vigil.database.data-dir", "/tmp/x"},
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--vigil.database.data-dir has no value");
        assertThat(out.toString()).isEmpty();
    }
}
