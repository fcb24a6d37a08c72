package io.vigil.health.probe;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server's status variables the probe reads, in one {@code SHOW GLOBAL STATUS}: readable by any user.
 * Gauges and high-water marks go into the details under Vigil's names; cumulative counters go into
 * {@link DbStats#counters()} under the server's own names, for rates per interval.
 */
record MysqlGlobalStatus(Map<String, String> values) {

    static final String SQL = """
            SHOW GLOBAL STATUS WHERE Variable_name IN ('Threads_connected', 'Uptime', 'Threads_running',
                'Max_used_connections', 'Connection_errors_max_connections', 'Aborted_connects', 'Slow_queries',
                'Questions', 'Innodb_row_lock_waits', 'Innodb_row_lock_time', 'Innodb_deadlocks',
                'Innodb_buffer_pool_read_requests', 'Innodb_buffer_pool_reads')
            """;

    // Innodb_deadlocks is MariaDB's; MySQL counts deadlocks only in INNODB_METRICS (lock_deadlocks).
    private static final List<String> COUNTERS = List.of("Connection_errors_max_connections", "Aborted_connects",
            "Slow_queries", "Questions", "Innodb_row_lock_waits", "Innodb_row_lock_time", "Innodb_deadlocks",
            "Innodb_buffer_pool_read_requests", "Innodb_buffer_pool_reads");

    private static final Map<String, String> GAUGES = Map.of(
            "Threads_running", "threadsRunning", "Max_used_connections", "maxUsedConnections");

    Integer threadsConnected() {
        Long value = number("Threads_connected");
        return value == null ? null : Math.toIntExact(value);
    }

    Long uptimeSeconds() {
        return number("Uptime");
    }

    Map<String, Long> counters() {
        Map<String, Long> counters = new TreeMap<>();
        COUNTERS.forEach(name -> {
            Long value = number(name);
            if (value != null) {
                counters.put(name, value);
            }
        });
        return Collections.unmodifiableMap(counters);
    }

    /** The gauges. */
    Map<String, Object> details() {
        Map<String, Object> details = new TreeMap<>();
        GAUGES.forEach((name, key) -> {
            Long value = number(name);
            if (value != null) {
                details.put(key, value);
            }
        });
        return details;
    }

    /**
     * InnoDB's cache hit ratio since the server started (the snapshot's cache hit ratio, which the writer
     * takes over each interval); null when the pool has not been read at all, rather than a perfect one.
     */
    Double bufferPoolHitRate() {
        return HitRatio.complement(number("Innodb_buffer_pool_reads"), number("Innodb_buffer_pool_read_requests"));
    }

    private Long number(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
    }
}
