package io.vigil.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MysqlServerTest {

    @Test
    void mariaDbFrom10_5_9AsksForSlaveMonitor() {
        MysqlServer server = MysqlServer.of("10.11.19-MariaDB-0+deb12u1-log");

        assertThat(server).isEqualTo(new MysqlServer(true, 10, 11, 19));
        assertThat(server.replicaStatusStatements()).containsExactly("SHOW ALL REPLICAS STATUS", "SHOW ALL SLAVES STATUS");
        assertThat(server.replicaStatusGrant()).isEqualTo("SLAVE MONITOR");
    }

    @Test
    void mariaDb10_5BeforeSlaveMonitorNeededReplicationSlaveAdmin() {
        MysqlServer server = MysqlServer.of("10.5.8-MariaDB");

        assertThat(server.replicaStatusGrant()).isEqualTo("REPLICATION SLAVE ADMIN");
        assertThat(server.replicaStatusStatements()).first().isEqualTo("SHOW ALL REPLICAS STATUS");
        assertThat(MysqlServer.of("10.5.0-MariaDB").replicaStatusStatements()).first().isEqualTo("SHOW ALL SLAVES STATUS");
    }

    @Test
    void olderMariaDbKnowsOnlySlavesAndReplicationClient() {
        MysqlServer server = MysqlServer.of("5.5.5-10.4.34-MariaDB-log");

        assertThat(server).isEqualTo(new MysqlServer(true, 10, 4, 34));
        assertThat(server.replicaStatusStatements()).containsExactly("SHOW ALL SLAVES STATUS", "SHOW ALL REPLICAS STATUS");
        assertThat(server.replicaStatusGrant()).isEqualTo("REPLICATION CLIENT");
    }

    @Test
    void mysqlSaysReplicaFrom8_0_22() {
        assertThat(MysqlServer.of("8.0.22").replicaStatusStatements()).containsExactly("SHOW REPLICA STATUS", "SHOW SLAVE STATUS");
        assertThat(MysqlServer.of("8.4.3").replicaStatusStatements()).first().isEqualTo("SHOW REPLICA STATUS");
        assertThat(MysqlServer.of("8.0.21").replicaStatusStatements()).first().isEqualTo("SHOW SLAVE STATUS");
        assertThat(MysqlServer.of("5.7.44-log").replicaStatusStatements()).first().isEqualTo("SHOW SLAVE STATUS");
        assertThat(MysqlServer.of("8.0.36").replicaStatusGrant()).isEqualTo("REPLICATION CLIENT");
        assertThat(MysqlServer.of("8.0.36").mariaDb()).isFalse();
    }

    @Test
    void anUnreadableVersionIsTakenAsTheNewest() {
        assertThat(MysqlServer.of(null).replicaStatusStatements()).first().isEqualTo("SHOW REPLICA STATUS");
        assertThat(MysqlServer.of("MariaDB custom build").replicaStatusGrant()).isEqualTo("SLAVE MONITOR");
    }
}
