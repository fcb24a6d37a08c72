package io.vigil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** CPU seconds used by this JVM, by the embedded PostgreSQL (postmaster and backends) and by the whole machine. */
final class CpuMeter {

    private static final double TICK = 100.0; // USER_HZ on Linux

    record Sample(long jvm, long postgres, long machineBusy) {
    }

    record Usage(double jvm, double postgres, double rest, double wall, int cores) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "jvm %.1f, postgres %.1f, rest of machine %.1f (of %.1f available)",
                    jvm, postgres, rest, wall * cores);
        }
    }

    private final long postmaster;
    private long lastNanos;

    CpuMeter(long postmasterPid) {
        this.postmaster = postmasterPid;
    }

    /** The embedded server is started by pg_ctl, so it is no child of this JVM: find it by its port. */
    static long postmasterListeningOn(int port) {
        return ProcessHandle.allProcesses()
                .filter(p -> {
                    try {
                        List<String> args = Arrays.asList(Files.readString(Path.of("/proc/" + p.pid() + "/cmdline"))
                                .split("\0"));
                        int i = args.indexOf("-p");
                        return !args.isEmpty() && args.get(0).endsWith("/postgres") && i > 0 && i + 1 < args.size()
                                && args.get(i + 1).equals(String.valueOf(port));
                    } catch (IOException | RuntimeException e) {
                        return false;
                    }
                })
                .mapToLong(ProcessHandle::pid)
                .findFirst()
                .orElse(-1);
    }

    Sample sample() {
        lastNanos = System.nanoTime();
        long pg = ticks(postmaster, true);
        for (ProcessHandle backend : ProcessHandle.of(postmaster).map(p -> p.children().toList()).orElse(List.of())) {
            pg += ticks(backend.pid(), false);
        }
        return new Sample(ticks(ProcessHandle.current().pid(), false), pg, machineBusy());
    }

    Usage since(Sample before) {
        double wall = (System.nanoTime() - lastNanos) / 1e9;
        Sample now = sample();
        double jvm = (now.jvm - before.jvm) / TICK;
        // Backends that exited are counted in the postmaster's children times once reaped; a backend that
        // started during the round counts whole, which is what it used.
        double pg = Math.max(0, now.postgres - before.postgres) / TICK;
        double machine = (now.machineBusy - before.machineBusy) / TICK;
        return new Usage(jvm, pg, Math.max(0, machine - jvm - pg), wall, Runtime.getRuntime().availableProcessors());
    }

    private static long ticks(long pid, boolean withReapedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return withReapedChildren ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
        } catch (IOException | RuntimeException e) {
            return 0; // the process is gone (a backend that exited): its time is in the postmaster's now
        }
    }

    private static long machineBusy() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException e) {
            return 0;
        }
    }
}
