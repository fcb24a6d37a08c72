package io.vigil.health.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class RedisInfoTest {

    @Test
    void parsesKeyValueLinesAndSkipsSectionHeaders() {
        String info = """
                # Server\r
                redis_version:7.0.15\r
                executable:/usr/bin/redis-server\r
                \r
                # Clients\r
                connected_clients:3\r
                maxclients:10000\r
                \r
                # Memory\r
                used_memory:990040\r
                maxmemory:0\r
                \r
                # Stats\r
                keyspace_hits:30\r
                keyspace_misses:10\r
                \r
                # Keyspace\r
                db0:keys=12,expires=1,avg_ttl=0\r
                """;

        assertThat(RedisInfo.parse(info)).containsExactly(
                entry("redis_version", "7.0.15"),
                entry("executable", "/usr/bin/redis-server"),
                entry("connected_clients", "3"),
                entry("maxclients", "10000"),
                entry("used_memory", "990040"),
                entry("maxmemory", "0"),
                entry("keyspace_hits", "30"),
                entry("keyspace_misses", "10"),
                entry("db0", "keys=12,expires=1,avg_ttl=0"));
    }

    @Test
    void acceptsBareNewlinesEmptyValuesAndNothing() {
        assertThat(RedisInfo.parse("a:1\nb:\nnot a field\n:orphan\n")).containsExactly(entry("a", "1"), entry("b", ""));
        assertThat(RedisInfo.parse("")).isEmpty();
        assertThat(RedisInfo.parse(null)).isEmpty();
    }
}
