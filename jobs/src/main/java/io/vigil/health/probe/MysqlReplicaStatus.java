package io.vigil.health.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads the rows of a replica status statement, one per replication channel (MariaDB: connection), column
 * name to value as the driver gives them. MySQL 8.0.22 renamed Master/Slave in the column names to
 * Source/Replica; MariaDB kept them, so each figure is looked up under both.
 *
 * @param channels       per channel: name, source (host:port), secondsBehind, ioRunning, sqlRunning and
 *                       the last IO/SQL errors, scrubbed; empty when this server is not a replica
 * @param lagSeconds     the largest seconds behind among channels whose threads both run; null if none
 * @param stoppedBecause why replication has stopped, in words, or null while every channel runs
 */
record MysqlReplicaStatus(List<Map<String, Object>> channels, Double lagSeconds, String stoppedBecause) {

    // An error names the replication user ('repl@db1:3306'): the source is enough to act on.
    private static final Pattern USER_AT = Pattern.compile("'[^'@\\s]*@([^'\\s]+)'");
    // Replaying an event fails with the statement quoted, and a statement may carry data or a password.
    private static final Pattern QUERY = Pattern.compile("\\s*Query: '.*", Pattern.DOTALL);

    static MysqlReplicaStatus of(List<Map<String, String>> rows, UnaryOperator<String> scrub) {
        List<Map<String, Object>> channels = new ArrayList<>();
        List<String> stopped = new ArrayList<>();
        Double lag = null;
        for (Map<String, String> row : rows) {
            String name = first(row, "Connection_name", "Channel_Name");
            String io = first(row, "Slave_IO_Running", "Replica_IO_Running");
            String sql = first(row, "Slave_SQL_Running", "Replica_SQL_Running");
            String behind = first(row, "Seconds_Behind_Master", "Seconds_Behind_Source");
            String ioError = error(row.get("Last_IO_Error"), scrub);
            String sqlError = error(row.get("Last_SQL_Error"), scrub);
            Map<String, Object> channel = new LinkedHashMap<>();
            channel.put("name", name == null ? "" : name);
            String host = first(row, "Master_Host", "Source_Host");
            DetailMaps.putIfPresent(channel, "source", host == null ? null : host + ":" + first(row, "Master_Port", "Source_Port"));
            if (behind != null) {
                channel.put("secondsBehind", Long.valueOf(behind.strip()));
            }
            channel.put("ioRunning", "Yes".equalsIgnoreCase(io));
            channel.put("sqlRunning", "Yes".equalsIgnoreCase(sql));
            DetailMaps.putIfPresent(channel, "lastIoError", ioError);
            DetailMaps.putIfPresent(channel, "lastSqlError", sqlError);
            channels.add(channel);
            List<String> threads = new ArrayList<>();
            thread("IO", io, ioError, threads);
            thread("SQL", sql, sqlError, threads);
            if (!threads.isEmpty()) {
                stopped.add((name == null || name.isEmpty() ? "replica" : "replica '" + name + "'") + ": "
                        + String.join(", ", threads));
            } else if (behind != null) {
                lag = Math.max(lag == null ? 0 : lag, Double.parseDouble(behind.strip()));
            }
        }
        return new MysqlReplicaStatus(List.copyOf(channels), lag, stopped.isEmpty() ? null : String.join("; ", stopped));
    }

    // "Connecting" is the IO thread retrying a source it cannot reach: not replicating, like "No".
    private static void thread(String which, String running, String error, List<String> threads) {
        if (!"Yes".equalsIgnoreCase(running)) {
            String state = "Connecting".equalsIgnoreCase(running) ? " thread still connecting" : " thread not running";
            threads.add(which + state + (error == null ? "" : ": " + error));
        }
    }

    private static String error(String message, UnaryOperator<String> scrub) {
        if (message == null || message.isBlank()) {
            return null;
        }
        return scrub.apply(QUERY.matcher(USER_AT.matcher(message).replaceAll("'$1'")).replaceFirst(""));
    }

    private static String first(Map<String, String> row, String name, String renamed) {
        return row.containsKey(name) ? row.get(name) : row.get(renamed);
    }
}
