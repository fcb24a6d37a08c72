package io.vigil.health.probe;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Checks a PostgreSQL server; its snapshot: the server's figures and counters in one round trip
 * ({@link PostgresServerFigures}), then replication, wraparound, the tables autovacuum is behind on,
 * sessions by state, indexes and the top statements, each part read on its own ({@link ProbeSections}) so
 * that one the role may not read, or that runs out of time, leaves the rest standing.
 */
public final class PostgresProbe extends JdbcProbe {

    private static final Driver DRIVER = new org.postgresql.Driver();

    /** What a role without pg_read_all_stats (pg_monitor has it) is told about the figures it cannot see. */
    static final String NOT_VISIBLE = "not visible to this role: grant pg_monitor";

    @Override
    public Provider provider() {
        return Provider.POSTGRESQL;
    }

    @Override
    Driver driver() {
        return DRIVER;
    }

    @Override
    String urlPrefix() {
        return "jdbc:postgresql://";
    }

    @Override
    void timeouts(Properties properties, ProbeAttempt attempt) {
        // connectTimeout and socketTimeout are whole seconds in this driver; loginTimeout takes fractions and
        // bounds the whole handshake, which is what stops a server that accepts TCP and then never answers.
        properties.setProperty("connectTimeout", Integer.toString(attempt.timeoutSeconds()));
        properties.setProperty("socketTimeout", Integer.toString(attempt.timeoutSeconds()));
        properties.setProperty("loginTimeout", Double.toString(attempt.timeoutMillis() / 1000.0));
        properties.setProperty("ApplicationName", "vigil-probe");
    }

    @Override
    DbStats snapshot(Connection connection, ProbeAttempt attempt) throws SQLException {
        JdbcDeadline.bound(connection, attempt);
        PostgresServerFigures server = PostgresServerFigures.read(connection, attempt);
        ProbeSections sections = new ProbeSections(connection, attempt, NOT_VISIBLE);
        Map<String, Object> details = new LinkedHashMap<>();
        if (server.reservedConnections() > 0) {
            details.put("reservedConnections", server.reservedConnections());
        }
        PostgresReplication.Replication replication = sections.read("replication",
                () -> PostgresReplication.read(connection, attempt, server));
        if (replication != null) {
            details.putAll(replication.details());
            // Such a role sees the standbys' rows and the WAL receiver's, but not their positions, lag or state.
            if (!server.seesAllSessions() && replication.details().containsKey("standbys")) {
                sections.notVisible("standbys");
            }
            if (!server.seesAllSessions() && server.inRecovery()) {
                sections.notVisible("walReceiver");
            }
            if (replication.stopped() != null) {
                details.put(DbStats.REPLICATION_STOPPED, replication.stopped());
            }
        }
        details.put("archiver", archiver(server));
        DetailMaps.putIfPresent(details, "wraparound", sections.read("wraparound",
                () -> PostgresVacuum.wraparound(connection, attempt, server)));
        details.put("autovacuum", server.autovacuumOn() ? "on" : "off");
        DetailMaps.putIfPresent(details, "deadTuples", sections.read("deadTuples",
                () -> PostgresVacuum.tables(connection, attempt)));
        if (server.seesAllSessions()) {
            DetailMaps.putIfPresent(details, "sessions", sections.read("sessions",
                    () -> PostgresSessions.byState(connection, attempt)));
        } else {
            sections.notVisible("longestTransactionSeconds");
            sections.notVisible("sessions");
        }
        DetailMaps.putIfPresent(details, "statsReset", DetailMaps.iso(server.statsReset()));
        PostgresIndexes.Lists indexes = sections.read("indexes", () -> PostgresIndexes.read(connection, attempt));
        if (indexes != null) {
            details.put("unusedIndexes", indexes.unused());
            details.put("largestIndexes", indexes.largest());
        }
        if (server.statementsSchema() != null) {
            DetailMaps.putIfPresent(details, "topStatements", sections.read("topStatements",
                    () -> PostgresStatements.top(connection, attempt, server.statementsSchema())));
        }
        sections.into(details);
        return new DbStats(server.version(), server.connectionsUsed(), server.connectionsMax(), server.cacheHitRatio(),
                server.databaseSize(), server.longestTransactionSeconds(), null, null, null, server.startedAt(),
                replication == null ? null : replication.lagSeconds(),
                server.counters(), Collections.unmodifiableMap(details));
    }

    // Failures are what matters: an archiver that keeps failing keeps WAL on disk until it fills.
    private static Map<String, Object> archiver(PostgresServerFigures server) {
        return DetailMaps.ordered("mode", server.archiveMode(), "failing", "off".equals(server.archiveMode()) ? null
                        : server.archiveFailing(),
                "lastArchivedAt", DetailMaps.iso(server.lastArchivedAt()),
                "lastFailedAt", DetailMaps.iso(server.lastArchiveFailedAt()), "lastFailedWal", server.lastArchiveFailedWal());
    }
}
