package io.vigil.health.probe;

import io.vigil.health.probe.Addresses.HostPort;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * Checks a Redis server with {@code PING}, then reads memory, clients and keyspace hit rate from
 * {@code INFO}. The latency covers connecting, AUTH and {@code PING}. {@code INFO} must answer within what
 * is left of the timeout; when it fails the target is still UP, with a {@code statsError} in the details.
 */
public final class RedisProbe implements Probe {

    @Override
    public Provider provider() {
        return Provider.REDIS;
    }

    @Override
    public ProbeOutcome probe(ProbeTarget target) {
        ProbeAttempt attempt = new ProbeAttempt(target);
        try {
            HostPort address = Addresses.parseHostPort(target.address());
            try (Jedis jedis = new Jedis(new HostAndPort(address.host(), address.port()), config(target, attempt))) {
                boundReads(jedis, attempt);
                String reply = jedis.ping();
                Duration latency = attempt.elapsed();
                if (!"PONG".equals(reply)) {
                    return ProbeOutcome.down(latency, "UnexpectedReply",
                            attempt.scrub("PING answered '" + reply + "', expected PONG"), Map.of());
                }
                try {
                    boundReads(jedis, attempt);
                    return ProbeOutcome.up(latency, stats(RedisInfo.parse(jedis.info())), Map.of());
                } catch (RuntimeException e) {
                    return ProbeOutcome.up(latency, null, Map.of("statsError", attempt.describe(e)));
                }
            }
        } catch (Exception e) {
            return attempt.down(e);
        }
    }

    // Each reply must come within what is left of the timeout, so connect, AUTH, PING and INFO together
    // cannot outlast it: the fan-out's hard deadline is the timeout plus a short grace.
    private static void boundReads(Jedis jedis, ProbeAttempt attempt) {
        jedis.getConnection().setSoTimeout(Math.clamp(attempt.remaining().toMillis(), 1, Integer.MAX_VALUE));
    }

    private static DefaultJedisClientConfig config(ProbeTarget target, ProbeAttempt attempt) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(attempt.timeoutMillis())
                // The read timeout is what stops a server that accepts TCP and then never answers.
                .socketTimeoutMillis(attempt.timeoutMillis())
                // CLIENT SETINFO is one more round trip per probe, and servers before 7.2 reject it.
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
        if (target.password() != null && !target.password().isEmpty()) {
            // With a password Jedis sends AUTH on connect: AUTH user password with a user (ACL), else AUTH password.
            config.user(target.username()).password(target.password());
        }
        return config.build();
    }

    private static DbStats stats(Map<String, String> info) {
        Long maxMemory = number(info.get("maxmemory"));
        return new DbStats(info.get("redis_version"),
                integer(info.get("connected_clients")),
                integer(info.get("maxclients")),
                null, null, null,
                number(info.get("used_memory")),
                maxMemory == null || maxMemory == 0 ? null : maxMemory, // 0 means no limit
                hitRate(number(info.get("keyspace_hits")), number(info.get("keyspace_misses"))),
                DbStats.startedFromUptime(number(info.get("uptime_in_seconds"))), null, Map.of(),
                details(info));
    }

    /**
     * What an operator of Redis watches besides the figures above: clients already refused, keys evicted,
     * whether the last save to disk failed, and the replication role. Counters are as INFO gives them,
     * cumulative since the server started. A field the server does not report is left out.
     */
    static Map<String, Object> details(Map<String, String> info) {
        Map<String, Object> details = new LinkedHashMap<>();
        put(details, "rejectedConnections", number(info.get("rejected_connections")));
        put(details, "evictedKeys", number(info.get("evicted_keys")));
        put(details, "expiredKeys", number(info.get("expired_keys")));
        put(details, "blockedClients", number(info.get("blocked_clients")));
        put(details, "maxmemoryPolicy", info.get("maxmemory_policy"));
        put(details, "lastSaveStatus", info.get("rdb_last_bgsave_status"));
        if ("1".equals(info.get("aof_enabled"))) {
            put(details, "lastAppendOnlyWriteStatus", info.get("aof_last_write_status"));
        }
        put(details, "role", info.get("role"));
        put(details, "connectedReplicas", number(info.get("connected_slaves")));
        put(details, "masterLinkStatus", info.get("master_link_status"));
        return Collections.unmodifiableMap(details);
    }

    private static void put(Map<String, Object> details, String key, Object value) {
        if (value != null) {
            details.put(key, value);
        }
    }

    private static Double hitRate(Long hits, Long misses) {
        if (hits == null || misses == null || hits + misses == 0) {
            return null;
        }
        return hits / (double) (hits + misses);
    }

    private static Long number(String value) {
        return value == null ? null : Long.valueOf(value.strip());
    }

    private static Integer integer(String value) {
        return value == null ? null : Integer.valueOf(value.strip());
    }
}
