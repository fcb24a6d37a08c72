package io.vigil.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The fan-out's own guarantees, with an in-memory probe standing in for the network. */
class ProbeFanOutTest {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxSeen = new AtomicInteger();
    private final CountDownLatch never = new CountDownLatch(1);

    private final Probe fake = new Probe() {
        @Override
        public Provider provider() {
            return Provider.HTTP;
        }

        @Override
        public ProbeOutcome probe(ProbeTarget target) {
            maxSeen.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                if (target.address().endsWith("/hang")) {
                    never.await(); // ignores its own timeout: only the fan-out's deadline can end it
                }
                return ProbeOutcome.up(Duration.ofMillis(1), null, Map.of());
            } catch (InterruptedException e) {
                return ProbeOutcome.down(Duration.ZERO, "Interrupted", "interrupted", Map.of());
            } finally {
                inFlight.decrementAndGet();
            }
        }
    };

    @Test
    void reportsEveryTargetOnceAndNeverExceedsTheBound() throws Exception {
        ProbeFanOut fanOut = new ProbeFanOut(Probes.of(fake), 8, Duration.ofMillis(100));
        Map<Integer, ProbeTarget> targets = new LinkedHashMap<>();
        for (int i = 0; i < 500; i++) {
            targets.put(i, target("t" + i, "http://127.0.0.1/ok", Duration.ofSeconds(1)));
        }
        List<Integer> reported = new ArrayList<>();
        try (var run = fanOut.start(targets)) {
            for (var next = run.next(); next != null; next = run.next()) {
                assertThat(next.outcome().reachable()).isTrue();
                reported.add(next.key());
            }
        }

        assertThat(reported).containsExactlyInAnyOrderElementsOf(targets.keySet());
        assertThat(maxSeen.get()).isBetween(1, 8);
    }

    @Test
    void aProbeThatIgnoresItsTimeoutIsCutOffAtTheDeadlineWithoutHoldingUpTheOthers() throws Exception {
        ProbeFanOut fanOut = new ProbeFanOut(Probes.of(fake), 4, Duration.ofMillis(50));
        Map<String, ProbeTarget> targets = new LinkedHashMap<>();
        targets.put("hang", target("hang", "http://127.0.0.1/hang", Duration.ofMillis(200)));
        for (int i = 0; i < 20; i++) {
            targets.put("ok" + i, target("ok" + i, "http://127.0.0.1/ok", Duration.ofMillis(200)));
        }
        List<String> order = new ArrayList<>();
        ProbeOutcome hang = null;
        try (var run = fanOut.start(targets)) {
            for (var next = run.next(); next != null; next = run.next()) {
                order.add(next.key());
                if (next.key().equals("hang")) {
                    hang = next.outcome();
                }
            }
        }

        assertThat(order).hasSize(21).last().isEqualTo("hang");
        assertThat(hang.reachable()).isFalse();
        assertThat(hang.errorClass()).isEqualTo("Timeout");
        assertThat(hang.errorMessage()).isEqualTo("no answer within 200 ms");
    }

    private static ProbeTarget target(String name, String address, Duration timeout) {
        return new ProbeTarget(name, Provider.HTTP, address, null, null, timeout);
    }
}
