package io.vigil.health.probe;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.concurrent.Executor;

/**
 * Bounds every JDBC round trip by what is left of the probe's timeout, so a target that answers each query
 * slowly cannot hold a probe past it: the fan-out's hard deadline is the timeout plus a short grace. It
 * sets the socket read timeout, which also covers a server that stops answering altogether.
 */
final class JdbcDeadline {

    // Both drivers apply the timeout to the socket directly; the executor is only required by the API.
    private static final Executor DIRECT = Runnable::run;

    /** Call before each statement. */
    static void bound(Connection connection, ProbeAttempt attempt) throws SQLException {
        long leftMillis = attempt.remaining().toMillis();
        if (leftMillis <= 0) {
            throw new SQLTimeoutException("the timeout of " + attempt.timeout().toMillis() + " ms ran out");
        }
        connection.setNetworkTimeout(DIRECT, (int) Math.min(leftMillis, Integer.MAX_VALUE));
    }

    private JdbcDeadline() {
    }
}
