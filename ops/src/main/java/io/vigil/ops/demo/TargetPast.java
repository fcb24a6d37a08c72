package io.vigil.ops.demo;

import java.time.Duration;

/**
 * How a demo target behaved over the generated history, chosen by what the target is, so that its past,
 * the check the demo makes now and the alerts that check fires tell one story: a target where nothing
 * listens was never reachable, a slow one was always slow.
 *
 * @param story          what the history says, in a few words, for the demo's output
 * @param downShare      the share of checks that failed, 0 to 1 (1: every one)
 * @param latencyMs      the fastest answer
 * @param latencySpreadMs how much slower an answer may be, at random
 * @param daytimeExtraMs how much slower the answers are at noon UTC, tapering to nothing at night
 * @param errorClass     the failed checks' error class, as a probe records it
 * @param errorMessage   the failed checks' error, in the probe's words
 */
record TargetPast(String story, double downShare, int latencyMs, int latencySpreadMs, int daytimeExtraMs,
                  String errorClass, String errorMessage) {

    // A healthy target still misses a check now and then: one in a thousand, about nine in 30 days.
    private static final double RARE = 0.001;

    /** Mostly UP, fast, with a rare timeout. */
    static TargetPast healthy(String endpoint, Duration timeout) {
        return new TargetPast("mostly UP (a rare timeout), answering in milliseconds", RARE, 2, 10, 8,
                "SocketTimeoutException", "no answer from " + endpoint + " within " + timeout.toMillis() + " ms");
    }

    /** Always answers, always slower than its SLO: DEGRADED throughout. */
    static TargetPast slow(Duration answer, Duration slo) {
        int ms = Math.toIntExact(answer.toMillis());
        return new TargetPast("DEGRADED throughout: it answers, but slower than its " + slo.toMillis() + " ms SLO",
                0, ms - ms / 5, ms / 5, ms / 5, null, null);
    }

    /** Nothing listens on its port, and nothing ever did: DOWN throughout, refused as the probe is now. */
    static TargetPast unreachable(String endpoint, String errorClass) {
        return new TargetPast("DOWN throughout: nothing has listened on its port", 1, 0, 0, 0, errorClass,
                "connection refused by " + endpoint);
    }
}
