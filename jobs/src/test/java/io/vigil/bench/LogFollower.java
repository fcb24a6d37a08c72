package io.vigil.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the daemon's log as it grows. */
final class LogFollower {

    private final Path log;
    private final long t0;
    final List<String> lines = new ArrayList<>();
    private long offset;
    private String partial = "";
    private int next;
    double lastAt;

    LogFollower(Path log, long t0) {
        this.log = log;
        this.t0 = t0;
    }

    void drain() {
        try {
            if (!Files.exists(log)) {
                return;
            }
            byte[] all = Files.readAllBytes(log);
            if (all.length <= offset) {
                return;
            }
            String text = partial + new String(all, (int) offset, (int) (all.length - offset), StandardCharsets.UTF_8);
            offset = all.length;
            int end = text.lastIndexOf('\n');
            if (end < 0) {
                partial = text;
                return;
            }
            lines.addAll(Arrays.asList(text.substring(0, end).split("\n", -1)));
            partial = text.substring(end + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String awaitLine(java.util.function.Predicate<String> match, Duration timeout, Process daemon)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            drain();
            while (next < lines.size()) {
                String line = lines.get(next++);
                if (match.test(line)) {
                    lastAt = (System.nanoTime() - t0) / 1e9;
                    return line;
                }
            }
            if (!daemon.isAlive()) {
                throw new IllegalStateException("the daemon exited with " + daemon.exitValue() + ": see " + log);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("nothing expected in the daemon's log after " + timeout + ": see " + log);
    }

    double await(java.util.function.Predicate<String> match, Duration timeout, Process daemon)
            throws InterruptedException {
        awaitLine(match, timeout, daemon);
        return lastAt;
    }
}
