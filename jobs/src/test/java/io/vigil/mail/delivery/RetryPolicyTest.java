package io.vigil.mail.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void doublesFromTheBaseDelayUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMinutes(1), Duration.ofHours(1), 0.2, () -> 0.5);

        assertThat(policy.delay(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.delay(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.delay(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(policy.delay(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(policy.delay(7)).as("64 minutes, capped").isEqualTo(Duration.ofHours(1));
        assertThat(policy.delay(200)).as("no overflow").isEqualTo(Duration.ofHours(1));
    }

    @Test
    void spreadsEachDelayByTheJitterEitherWay() {
        assertThat(new RetryPolicy(8, Duration.ofMinutes(1), Duration.ofHours(1), 0.2, () -> 0.0).delay(3))
                .as("random 0: 20% shorter").isEqualTo(Duration.ofSeconds(192));
        assertThat(new RetryPolicy(8, Duration.ofMinutes(1), Duration.ofHours(1), 0.2, () -> 0.75).delay(3))
                .as("random 0.75: 10% longer").isEqualTo(Duration.ofSeconds(264));
        assertThat(new RetryPolicy(8, Duration.ofMinutes(1), Duration.ofHours(1), 0.2, () -> 0.75).delay(9))
                .as("the cap is spread too").isEqualTo(Duration.ofMinutes(66));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofHours(1), 0, () -> 0.9);

        assertThat(policy.nextAttempt(1, NOW)).contains(NOW.plus(Duration.ofMinutes(1)));
        assertThat(policy.nextAttempt(2, NOW)).contains(NOW.plus(Duration.ofMinutes(2)));
        assertThat(policy.nextAttempt(3, NOW)).isEmpty();
    }

    @Test
    void refusesAPolicyThatCannotWork() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofMinutes(1), Duration.ofHours(1), 0.2, () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofHours(2), Duration.ofHours(1), 0.2, () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofHours(1), 1.0, () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
