package io.vigil.health.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ProbesTest {

    @Test
    void defaultsHoldOneRealProbePerProvider() {
        Probes probes = Probes.defaults();

        assertThat(probes.forProvider(Provider.POSTGRESQL)).isInstanceOf(PostgresProbe.class);
        assertThat(probes.forProvider(Provider.MYSQL)).isInstanceOf(MysqlProbe.class);
        assertThat(probes.forProvider(Provider.REDIS)).isInstanceOf(RedisProbe.class);
        assertThat(probes.forProvider(Provider.HTTP)).isInstanceOf(HttpProbe.class);
        for (Provider provider : Provider.values()) {
            assertThat(probes.forProvider(provider).provider()).isEqualTo(provider);
        }
    }

    @Test
    void rejectsTwoProbesForOneProviderAndAMissingOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> Probes.of(new RedisProbe(), new RedisProbe()))
                .withMessage("two probes for provider REDIS");
        assertThatIllegalArgumentException().isThrownBy(() -> Probes.of(new RedisProbe()).forProvider(Provider.HTTP))
                .withMessage("no probe for provider HTTP");
    }
}
