package io.vigil.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.runs.NodeIdentity;
import io.vigil.runs.NodeRegistry;
import io.vigil.runs.Slot;
import io.vigil.testing.LostRuns;
import io.vigil.testing.SettableClock;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** vigil nodes: who checks in, who has gone silent, and which runs each still holds. */
@VigilSpringTest
class NodesCommandTest {

    @Autowired ApplicationContext spring;
    @Autowired NodeRegistry nodes;
    @Autowired NodeIdentity thisNode;
    @Autowired JobRepository jobRepository;
    @Autowired SettableClock clock;

    @Test
    void listsEveryNodeAliveStaleOrGoneWithTheRunsItOwns() {
        nodes.checkIn(thisNode, clock.instant());
        NodeIdentity silent = new NodeIdentity("silent-node", "db-2", 77);
        nodes.checkIn(silent, clock.instant().minus(Duration.ofMinutes(5)));
        long held = run(Slot.parse("2026-11-23T08:00:00Z"), silent);
        long orphaned = run(Slot.parse("2026-11-23T08:05:00Z"), new NodeIdentity("vanished-node", "db-3", 78));

        Cli.Result table = Cli.on(spring).run("nodes");

        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).containsPattern("(?m)^NODE +HOST +PID +STARTED +LAST SEEN +STATE +RUNS$")
                .containsPattern("(?m)^" + thisNode.nodeId() + " +" + thisNode.host() + " +" + thisNode.pid()
                        + " +\\S+ +\\S+ +alive +-$")
                .containsPattern("(?m)^silent-node +db-2 +77 +\\S+ +\\S+ +stale +" + held + "$")
                .containsPattern("(?m)^vanished-node +- +- +- +- +gone +" + orphaned + "$");

        Cli.Result json = Cli.on(spring).run("nodes", "--json");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(json.out()).contains("\"nodeId\" : \"silent-node\"").contains("\"state\" : \"STALE\"")
                .contains("\"runs\" : [ " + held + " ]");
    }

    private long run(Slot slot, NodeIdentity owner) {
        return LostRuns.startedRun(jobRepository, nodes, HealthCheckJobConfiguration.JOB, "probe", slot, owner).getId();
    }
}
