package io.vigil.health.probe;

import io.vigil.health.probe.Addresses.HostPort;
import java.time.Duration;
import java.util.Map;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Checks a Redis server with {@code PING}, then reads memory, clients, counters and replication from
 * {@code INFO} and the slow log's length from {@code SLOWLOG LEN} ({@link RedisStats}). The latency covers
 * connecting, AUTH and {@code PING}. {@code INFO} and {@code SLOWLOG LEN} must answer within what is left of
 * the timeout; when INFO fails the target is still UP, with a {@code statsError} in the details.
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
                    Map<String, String> info = RedisInfo.parse(jedis.info());
                    return ProbeOutcome.up(latency, RedisStats.of(info, slowlog(jedis, attempt)), Map.of());
                } catch (RuntimeException e) {
                    return ProbeOutcome.up(latency, null, Map.of("statsError", attempt.describe(e)));
                }
            }
        } catch (Exception e) {
            return attempt.down(e);
        }
    }

    // Each reply must come within what is left of the timeout, so connect, AUTH, PING, INFO and SLOWLOG together
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

    // One more round trip after INFO, within what is left of the timeout. Whatever stops it, INFO's figures
    // are kept: the length alone is recorded as not visible, with why.
    private static RedisStats.Slowlog slowlog(Jedis jedis, ProbeAttempt attempt) {
        try {
            boundReads(jedis, attempt);
            return RedisStats.Slowlog.of(jedis.slowlogLen());
        } catch (JedisAccessControlException e) {
            return RedisStats.Slowlog.notAllowed();
        } catch (JedisException e) {
            return RedisStats.Slowlog.unavailable(attempt.describe(e));
        }
    }
}
