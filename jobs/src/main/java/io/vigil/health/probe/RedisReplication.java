package io.vigil.health.probe;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How far behind a Redis server's copies of the data are, from the replication section of its {@code INFO}. */
final class RedisReplication {

    // On a primary, one line per replica: slave0:ip=10.0.0.6,port=6379,state=online,offset=1234,lag=1
    private static final Pattern REPLICA = Pattern.compile("slave\\d+");
    private static final Pattern REPLICA_LAG = Pattern.compile("(?:^|,)lag=(\\d+)(?:,|$)");

    private RedisReplication() {
    }

    /**
     * On a replica whose link is up, the seconds since it last heard from its primary (which pings it every
     * few seconds, so a healthy link reads a few seconds at most); on a primary, its slowest replica's
     * seconds since that replica last acknowledged. Null without replication, or with the link down: the
     * lag is then no number, and {@link #stopped} says why.
     */
    static Double lagSeconds(Map<String, String> info) {
        if (isReplica(info)) {
            Long lastIo = RedisStats.number(info.get("master_last_io_seconds_ago"));
            return "up".equals(info.get("master_link_status")) && lastIo != null && lastIo >= 0 ? lastIo.doubleValue() : null;
        }
        Long slowest = null;
        for (var field : info.entrySet()) {
            Matcher lag = REPLICA_LAG.matcher(field.getValue());
            if (REPLICA.matcher(field.getKey()).matches() && lag.find()) {
                long seconds = Long.parseLong(lag.group(1));
                slowest = slowest == null ? seconds : Math.max(slowest, seconds);
            }
        }
        return slowest == null ? null : slowest.doubleValue();
    }

    /** On a replica whose link to its primary is down: "link to master 10.0.0.5:6379 down for 42 s"; else null. */
    static String stopped(Map<String, String> info) {
        if (!isReplica(info) || !"down".equals(info.get("master_link_status"))) {
            return null;
        }
        String master = info.get("master_host") + ":" + info.get("master_port");
        Long downFor = RedisStats.number(info.get("master_link_down_since_seconds"));
        // -1: the link has not been up once since this replica started.
        return downFor == null || downFor < 0
                ? "link to master " + master + " down, not up once since this server started"
                : "link to master " + master + " down for " + downFor + " s";
    }

    private static boolean isReplica(Map<String, String> info) {
        return "slave".equals(info.get("role"));
    }
}
