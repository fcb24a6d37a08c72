package io.vigil.health.probe;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the optional parts of a snapshot one by one, so that one the server refuses or that runs out of
 * time leaves the others and the core figures standing. A part not read is named with why, never left
 * out silently: under {@link DbStats#NOT_VISIBLE} when the role lacks a privilege, else under
 * {@link #UNAVAILABLE}.
 */
final class ProbeSections {

    /** The details key: part to why it was not read ("not read within the probe's timeout", an error). */
    static final String UNAVAILABLE = "unavailable";

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String QUERY_CANCELED = "57014";

    interface Section<T> {
        T read() throws SQLException;
    }

    private final Connection connection;
    private final ProbeAttempt attempt;
    private final String notVisibleReason;
    private final Map<String, String> notVisible = new LinkedHashMap<>();
    private final Map<String, String> unavailable = new LinkedHashMap<>();

    ProbeSections(Connection connection, ProbeAttempt attempt, String notVisibleReason) {
        this.connection = connection;
        this.attempt = attempt;
        this.notVisibleReason = notVisibleReason;
    }

    /** The part's value, or null when it could not be read (and then it is recorded why). */
    <T> T read(String part, Section<T> section) {
        try {
            if (connection.isClosed()) {
                unavailable.put(part, timedOut());
                return null;
            }
            return section.read();
        } catch (SQLException e) {
            if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                notVisible.put(part, notVisibleReason);
            } else if (e instanceof SQLTimeoutException || QUERY_CANCELED.equals(e.getSQLState()) || closed()) {
                unavailable.put(part, timedOut());
            } else {
                unavailable.put(part, attempt.describe(e));
            }
            return null;
        }
    }

    /** Records a part the role cannot see correctly, without asking the server. */
    void notVisible(String part) {
        notVisible.put(part, notVisibleReason);
    }

    /** Adds what was not read to the details. */
    void into(Map<String, Object> details) {
        if (!notVisible.isEmpty()) {
            details.put(DbStats.NOT_VISIBLE, Collections.unmodifiableMap(notVisible));
        }
        if (!unavailable.isEmpty()) {
            details.put(UNAVAILABLE, Collections.unmodifiableMap(unavailable));
        }
    }

    private String timedOut() {
        return "not read within the probe's timeout of " + attempt.timeout().toMillis() + " ms";
    }

    private boolean closed() {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
