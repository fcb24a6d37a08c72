package io.vigil.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replication judged on outputs captured from a real PostgreSQL 15 primary and streaming standby (a standby
 * is out of reach of the test suite): the probe's own replication queries, run on each server in each
 * state with the output as JSON. Made with initdb, pg_basebackup -R -C -S standby_one, then: caught up;
 * replay paused on the standby (pg_wal_replay_pause) while the primary wrote 200,000 rows; the standby
 * stopped; the primary stopped.
 */
class PostgresReplicationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aPrimaryWithACaughtUpStandbyReportsItsLagAndNothingStopped() {
        PostgresReplication.Replication replication = judge("primary-streaming");

        assertThat(replication.lagSeconds()).isEqualTo(0.022919);
        assertThat(replication.stopped()).isNull();
        assertThat(replication.details()).containsEntry("role", "primary");
        assertThat(standbys(replication)).singleElement().satisfies(standby -> assertThat(standby)
                .containsEntry("name", "walreceiver").containsEntry("state", "streaming")
                .containsEntry("replayBytesBehind", 0L));
    }

    @Test
    void aStandbyThatStoppedReplayingIsBehindInSecondsAndBytes() {
        PostgresReplication.Replication primary = judge("primary-standby-replay-paused");
        PostgresReplication.Replication standby = judge("standby-replay-paused");

        assertThat(primary.lagSeconds()).isEqualTo(2.189995);
        assertThat(standbys(primary)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("replayBytesBehind", 12_901_936L));
        assertThat(standby.lagSeconds()).as("the standby's own view: now less its last replayed commit")
                .isEqualTo(4.372363);
        assertThat(standby.details()).containsEntry("role", "standby");
        assertThat(primary.stopped()).isNull();
        assertThat(standby.stopped()).isNull();
    }

    @Test
    void aSlotWhoseStandbyIsGoneIsStoppedReplicationHoldingWal() {
        PostgresReplication.Replication replication = judge("primary-standby-gone");

        assertThat(replication.details()).doesNotContainKey("standbys");
        assertThat(replication.lagSeconds()).as("no standby connected: no lag to measure").isNull();
        assertThat(replication.stopped())
                .isEqualTo("replication slot 'standby_one' has no consumer and holds 6.1 MB of WAL");
    }

    @Test
    void aStandbyWhosePrimaryIsGoneHasReplayedAllItGotAndIsStillStopped() {
        PostgresReplication.Replication replication = judge("standby-primary-gone");

        // Zero seconds behind what it received, which is the trap: it receives nothing any more.
        assertThat(replication.lagSeconds()).isEqualTo(0.0);
        assertThat(replication.stopped()).isEqualTo("standby not streaming from a primary (no WAL receiver)");
    }

    @Test
    void aStandbyStreamingAndCaughtUpIsNeitherBehindNorStopped() {
        PostgresReplication.Replication replication = judge("standby-streaming");

        assertThat(replication.lagSeconds()).isEqualTo(0.0);
        assertThat(replication.stopped()).isNull();
    }

    @Test
    void aRoleThatCannotSeeTheWalReceiverIsNotToldReplicationStopped() {
        Map<String, Object> capture = capture("standby-primary-gone");

        PostgresReplication.Replication replication = PostgresReplication.of(true, 0.0, null, false,
                rows(capture, "standbys"), rows(capture, "slots"));

        assertThat(replication.stopped()).isNull();
    }

    private static PostgresReplication.Replication judge(String name) {
        Map<String, Object> capture = capture(name);
        @SuppressWarnings("unchecked")
        Map<String, Object> server = (Map<String, Object>) capture.get("server");
        return PostgresReplication.of((Boolean) server.get("in_recovery"),
                server.get("standby_lag_seconds") instanceof Number lag ? lag.doubleValue() : null,
                (String) server.get("wal_receiver_status"), true, rows(capture, "standbys"), rows(capture, "slots"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> standbys(PostgresReplication.Replication replication) {
        return (List<Map<String, Object>>) replication.details().get("standbys");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> capture, String key) {
        return (List<Map<String, Object>>) capture.get(key);
    }

    private static Map<String, Object> capture(String name) {
        try (InputStream in = PostgresReplicationTest.class.getResourceAsStream("postgres/" + name + ".json")) {
            return JSON.readValue(in, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
