package io.vigil.health.probe;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Bounds every JDBC round trip by what is left of one budget, so a target that answers each query slowly
 * cannot hold a probe for several timeouts in a row. It sets the socket read timeout, which also covers a
 * server that stops answering altogether.
 */
final class JdbcDeadline {

    // Both drivers apply the timeout to the socket directly; the executor is only required by the API.
    private static final Executor DIRECT = Runnable::run;

    private final long deadlineNanos;
    private final Duration budget;

    private JdbcDeadline(long deadlineNanos, Duration budget) {
        this.deadlineNanos = deadlineNanos;
        this.budget = budget;
    }

    /** What is left of the probe's own timeout: the check must answer within it, connecting included. */
    static JdbcDeadline of(ProbeAttempt attempt) {
        return new JdbcDeadline(attempt.deadlineNanos(), attempt.timeout());
    }

    /** A fresh budget starting now, for the stats queries after a successful check. */
    static JdbcDeadline after(Duration budget) {
        return new JdbcDeadline(System.nanoTime() + budget.toNanos(), budget);
    }

    /** Call before each statement. */
    void bound(Connection connection) throws SQLException {
        long leftMillis = Duration.ofNanos(deadlineNanos - System.nanoTime()).toMillis();
        if (leftMillis <= 0) {
            throw new SQLTimeoutException("the timeout of " + budget.toMillis() + " ms ran out");
        }
        connection.setNetworkTimeout(DIRECT, (int) Math.min(leftMillis, Integer.MAX_VALUE));
    }
}
