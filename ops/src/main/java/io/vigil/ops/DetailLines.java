package io.vigil.ops;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The lists and groups of a stats snapshot's details as one line each: standbys, slots, the archiver,
 * wraparound, tables, sessions, indexes and statements (the PostgreSQL probe's), replica channels (MySQL's).
 * Snapshots stored before a
 * field existed lack it, so every field is optional here.
 */
final class DetailLines {

    private DetailLines() {
    }

    /** The line for a detail, or null when it is not one of these. */
    static String of(String key, Object value) {
        return switch (key) {
            case "standbys" -> join(value, s -> s.get("name") + optional(" ", s.get("address")) + " " + s.get("state")
                    + optional(" ", s.get("sync")) + optional(", ", seconds(s.get("replayLagSeconds")), " behind")
                    + optional(" (", bytes(s.get("replayBytesBehind")), ")"));
            case "replicationSlots" -> join(value, s -> s.get("name") + " " + s.get("type")
                    + (Boolean.TRUE.equals(s.get("active")) ? " active" : " inactive")
                    + optional(", holds ", bytes(s.get("retainedBytes")), " of WAL"));
            case "replication" -> join(value, c -> ("".equals(c.get("name")) ? "default" : c.get("name"))
                    + optional(" from ", c.get("source")) + ", IO " + running(c.get("ioRunning")) + ", SQL "
                    + running(c.get("sqlRunning")) + optional(", ", seconds(c.get("secondsBehind")), " behind"));
            case "archiver" -> archiver(value);
            case "wraparound" -> wraparound(value);
            case "deadTuples" -> join(value, t -> name(t, "table") + " " + t.get("deadTuples")
                    + optional(" dead of ", t.get("liveTuples"), " live")
                    + optional(", vacuum at ", t.get("vacuumThreshold"), "")
                    + (Boolean.TRUE.equals(t.get("overThreshold")) ? " (over)" : "")
                    + (Boolean.FALSE.equals(t.get("autovacuumEnabled")) ? ", autovacuum off for it" : "")
                    + optional(", last autovacuum ", t.get("lastAutovacuum"), ""));
            case "sessions" -> join(value, s -> s.get("state") + " " + s.get("sessions")
                    + optional(" (oldest ", seconds(s.get("oldestSeconds")), ")")
                    + (s.get("waitingOnLock") instanceof Number waiting && waiting.intValue() > 0
                            ? ", " + waiting + " waiting on a lock" : ""));
            case "unusedIndexes" -> join(value, i -> name(i, "index") + " on " + i.get("table")
                    + optional(" (", bytes(i.get("sizeBytes")), ")"));
            case "largestIndexes" -> join(value, i -> name(i, "index") + " " + bytes(i.get("sizeBytes")) + ", "
                    + i.get("scans") + " scans" + (Boolean.TRUE.equals(i.get("backsConstraint")) ? ", a constraint's" : ""));
            case "topStatements" -> join(value, s -> Units.millis(((Number) s.get("totalMillis")).doubleValue())
                    + " in " + s.get("calls") + " calls: " + s.get("query"));
            default -> null;
        };
    }

    private static String archiver(Object value) {
        if (!(value instanceof Map<?, ?> archiver)) {
            return Table.text(value);
        }
        if ("off".equals(archiver.get("mode"))) {
            return "off";
        }
        return archiver.get("mode") + (Boolean.TRUE.equals(archiver.get("failing"))
                ? ", FAILING since " + archiver.get("lastFailedAt") + optional(" (", archiver.get("lastFailedWal"), ")")
                : optional(", last archived ", archiver.get("lastArchivedAt"), ""));
    }

    private static String wraparound(Object value) {
        if (!(value instanceof Map<?, ?> wraparound) || !(wraparound.get("oldestDatabases") instanceof List<?> databases)
                || databases.isEmpty() || !(databases.getFirst() instanceof Map<?, ?> oldest)) {
            return Table.text(value);
        }
        return "oldest " + oldest.get("database") + " " + oldest.get("xidAge") + " transactions, "
                + oldest.get("percentOfFreezeMaxAge") + "% of autovacuum_freeze_max_age, "
                + oldest.get("percentToWraparound") + "% to wraparound";
    }

    private static String running(Object flag) {
        return Boolean.TRUE.equals(flag) ? "running" : "STOPPED";
    }

    private static String name(Map<?, ?> row, String key) {
        return row.get("schema") + "." + row.get(key);
    }

    private static String seconds(Object value) {
        return value instanceof Number number ? Units.seconds(number.doubleValue()) : null;
    }

    private static String bytes(Object value) {
        return value instanceof Number number ? Units.bytes(number.longValue()) : null;
    }

    private static String optional(String before, Object value) {
        return optional(before, value, "");
    }

    private static String optional(String before, Object value, String after) {
        return value == null ? "" : before + value + after;
    }

    private static String join(Object value, Function<Map<?, ?>, String> text) {
        if (!(value instanceof List<?> rows)) {
            return Table.text(value);
        }
        return rows.stream().filter(Map.class::isInstance).map(row -> text.apply((Map<?, ?>) row))
                .collect(Collectors.joining(", "));
    }
}
