package io.vigil.health.probe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Redis server's snapshot, from its {@code INFO} and {@code SLOWLOG LEN}. */
final class RedisStats {

    /** INFO's cumulative counters, under INFO's names, for rates over each interval between snapshots. */
    static final List<String> COUNTERS = List.of("keyspace_hits", "keyspace_misses", "rejected_connections",
            "evicted_keys", "expired_keys", "total_connections_received", "total_commands_processed");

    /** {@code SLOWLOG LEN}'s answer: the slow log's length, or why there is none. */
    record Slowlog(Long length, String notVisible) {

        static Slowlog of(long length) {
            return new Slowlog(length, null);
        }

        /** The user's ACL does not allow the command. */
        static Slowlog notAllowed() {
            return new Slowlog(null, "not visible to this user: allow SLOWLOG (+slowlog|len)");
        }

        /** The server refused it otherwise (the command renamed away) or did not answer in time. */
        static Slowlog unavailable(String why) {
            return new Slowlog(null, "not available: " + why);
        }
    }

    private RedisStats() {
    }

    static DbStats of(Map<String, String> info, Slowlog slowlog) {
        Long maxMemory = number(info.get("maxmemory"));
        Map<String, Object> details = new LinkedHashMap<>(details(info));
        if (slowlog.length() != null) {
            details.put("slowlogLength", slowlog.length());
        } else {
            details.put(DbStats.NOT_VISIBLE, Map.of("slowlogLength", slowlog.notVisible()));
        }
        return new DbStats(info.get("redis_version"),
                integer(info.get("connected_clients")),
                integer(info.get("maxclients")),
                null, null, null,
                number(info.get("used_memory")),
                maxMemory == null || maxMemory == 0 ? null : maxMemory, // 0 means no limit
                HitRatio.share(number(info.get("keyspace_hits")), number(info.get("keyspace_misses"))),
                DbStats.startedFromUptime(number(info.get("uptime_in_seconds"))),
                RedisReplication.lagSeconds(info), counters(info),
                Collections.unmodifiableMap(details));
    }

    static Map<String, Long> counters(Map<String, String> info) {
        Map<String, Long> counters = new LinkedHashMap<>();
        COUNTERS.forEach(name -> DetailMaps.putIfPresent(counters, name, number(info.get(name))));
        return counters;
    }

    /**
     * What an operator of Redis watches besides the figures above: blocked clients, the maxmemory policy,
     * memory fragmentation, whether the last save to disk failed, the replication role and link. A field
     * the server does not report is left out.
     */
    static Map<String, Object> details(Map<String, String> info) {
        Map<String, Object> details = new LinkedHashMap<>();
        DetailMaps.putIfPresent(details, "blockedClients", number(info.get("blocked_clients")));
        DetailMaps.putIfPresent(details, "maxmemoryPolicy", info.get("maxmemory_policy"));
        DetailMaps.putIfPresent(details, "memFragmentationRatio", decimal(info.get("mem_fragmentation_ratio")));
        DetailMaps.putIfPresent(details, "lastSaveStatus", info.get("rdb_last_bgsave_status"));
        if ("1".equals(info.get("aof_enabled"))) {
            DetailMaps.putIfPresent(details, "lastAppendOnlyWriteStatus", info.get("aof_last_write_status"));
        }
        DetailMaps.putIfPresent(details, "role", info.get("role"));
        DetailMaps.putIfPresent(details, "connectedReplicas", number(info.get("connected_slaves")));
        DetailMaps.putIfPresent(details, "masterLinkStatus", info.get("master_link_status"));
        DetailMaps.putIfPresent(details, DbStats.REPLICATION_STOPPED, RedisReplication.stopped(info));
        return details;
    }

    static Long number(String value) {
        return value == null ? null : Long.valueOf(value.strip());
    }

    private static Integer integer(String value) {
        return value == null ? null : Integer.valueOf(value.strip());
    }

    private static Double decimal(String value) {
        return value == null ? null : Double.valueOf(value.strip());
    }
}
