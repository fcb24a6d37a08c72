package io.vigil.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark (a {@code main}, not a test): the resident memory of {@code vigil run}, the scheduler daemon,
 * while it checks a fleet of loopback HTTP targets every slot.
 *
 * <p>Starts the targets (a few per cent of them hang until after the probe timeout), writes
 * {@code config/application.yml} declaring them into a fresh temporary directory, starts
 * {@code java [jvmFlags] -jar ops/target/vigil.jar run} there as a separate process, on its own embedded
 * PostgreSQL (data in that directory) with the health check firing every 15 seconds. Every second it samples
 * from /proc the daemon JVM's VmRSS (and VmHWM, the kernel's peak) and the embedded PostgreSQL's processes
 * (postmaster and backends: the sum of their RSS, which counts shared buffers once per process, and the sum
 * of their PSS, which does not). After the requested number of completed slots it asks the JVM for its heap
 * figures ({@code jcmd}), stops the daemon with SIGTERM between two slots, waits for it to exit and checks the
 * runs it left with {@code vigil jobs list --json}.
 *
 * <p>Arguments ({@code key=value}, all optional): {@code connections=1000 hangingShare=0.03 timeout=2s
 * cron="*&#47;15 * * * * ?" slots=10 jvmFlags="" jar=ops/target/vigil.jar servers=4 stopTimeout=120s}.
 * See docs/benchmarks.md for the command.
 */
public final class DaemonMemoryBenchmark {

    private static final long GOAL_BYTES = 384L * 1024 * 1024;
    private static final Pattern COMPLETED = Pattern.compile(
            "Job: \\[SimpleJob: \\[name=healthCheckJob]] completed with the following parameters: .*name='slot', "
                    + "value=([^,]+),.* and the following status: \\[(\\w+)] in (\\S+)\\s*$");

    record Options(int connections, double hangingShare, Duration timeout, String cron, int slots,
                   List<String> jvmFlags, Path jar, int servers, Duration stopTimeout) {

        static Options parse(String[] args) {
            Map<String, String> defaults = new LinkedHashMap<>();
            defaults.put("connections", "1000");
            defaults.put("hangingShare", "0.03");
            defaults.put("timeout", "2s");
            defaults.put("cron", "*/15 * * * * ?");
            defaults.put("slots", "10");
            defaults.put("jvmFlags", "");
            defaults.put("jar", "");
            defaults.put("servers", "4");
            defaults.put("stopTimeout", "120s");
            Map<String, String> v = BenchArgs.parse(args, defaults);
            List<String> flags = v.get("jvmFlags").isBlank() ? List.of() : Arrays.asList(v.get("jvmFlags").trim().split("\\s+"));
            return new Options(Integer.parseInt(v.get("connections")), Double.parseDouble(v.get("hangingShare")),
                    BenchArgs.duration(v.get("timeout")), v.get("cron"), Integer.parseInt(v.get("slots")), flags,
                    v.get("jar").isBlank() ? findJar() : Path.of(v.get("jar")).toAbsolutePath(),
                    Integer.parseInt(v.get("servers")), BenchArgs.duration(v.get("stopTimeout")));
        }

        private static Path findJar() {
            for (String candidate : List.of("ops/target/vigil.jar", "../ops/target/vigil.jar")) {
                Path jar = Path.of(candidate).toAbsolutePath().normalize();
                if (Files.isRegularFile(jar)) {
                    return jar;
                }
            }
            throw new IllegalStateException("ops/target/vigil.jar not found from " + Path.of("").toAbsolutePath()
                    + ": build it (mvn -B install -DskipTests) or pass jar=PATH");
        }

        long hangingCount() {
            return Math.round(connections * hangingShare);
        }

        boolean hanging(int index) {
            return BenchArgs.hanging(index, connections, hangingShare);
        }
    }

    /** One sample, in kB; pg* are -1 before the embedded server is up. */
    record Sample(double t, long jvmRss, long jvmHwm, long pgRss, long pgPss, int pgProcesses) {
    }

    record Slot(double completedAt, String slot, String status, Duration took) {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path dir = Files.createTempDirectory("vigil-daemon-bench-");
        Path log = dir.resolve("daemon.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Duration maxHold = options.timeout.plusSeconds(5);

        try (TargetServers servers = new TargetServers(options.servers, maxHold)) {
            writeConfiguration(dir, options, servers);
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(options.jvmFlags);
            command.addAll(List.of("-jar", options.jar.toString(), "run"));
            System.out.printf(Locale.ROOT, "DaemonMemoryBenchmark: %d HTTP connections on 127.0.0.1 (%d servers), %d hanging "
                            + "(%.1f%%), timeout %d ms, cron \"%s\", %d slots%n", options.connections, options.servers,
                    options.hangingCount(), options.hangingShare * 100, options.timeout.toMillis(), options.cron,
                    options.slots);
            System.out.println("daemon: " + String.join(" ", command));
            System.out.println("in " + dir + " (config/application.yml, daemon.log, samples.csv, data/)");

            long t0 = System.nanoTime();
            Process daemon = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            List<Sample> samples = new CopyOnWriteArrayList<>();
            Thread sampler = Thread.ofPlatform().daemon().name("rss-sampler").start(() -> {
                while (daemon.isAlive()) {
                    samples.add(sample(daemon.pid(), dir.resolve("data"), (System.nanoTime() - t0) / 1e9));
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });

            LogFollower follower = new LogFollower(log, t0);
            try {
                double startedAt = follower.await(line -> line.contains("vigil started: node "), Duration.ofMinutes(3),
                        daemon);
                System.out.printf(Locale.ROOT, "daemon started (scheduler running) after %.1f s%n", startedAt);
                List<Slot> slots = new ArrayList<>();
                while (slots.size() < options.slots) {
                    String line = follower.awaitLine(l -> COMPLETED.matcher(l).find(), Duration.ofMinutes(2), daemon);
                    Matcher m = COMPLETED.matcher(line);
                    m.find();
                    Slot slot = new Slot(follower.lastAt, m.group(1), m.group(2), parseBatchDuration(m.group(3)));
                    slots.add(slot);
                    if (slots.size() == 3 && nmt(options)) {
                        jcmd(daemon.pid(), dir.resolve("jcmd-nmt-baseline.txt"), "VM.native_memory", "baseline");
                    }
                    System.out.printf(Locale.ROOT, "  slot %-22s %-9s in %5d ms (at %.1f s), daemon RSS now %d MB%n",
                            slot.slot, slot.status, slot.took.toMillis(), slot.completedAt,
                            samples.isEmpty() ? -1 : samples.getLast().jvmRss / 1024);
                }
                // Between two slots: half a period after the last completion, unless the next one started meanwhile.
                Thread.sleep(3000);
                Path heap = dir.resolve("jcmd-heap.txt");
                jcmd(daemon.pid(), heap, "GC.heap_info");
                if (nmt(options)) {
                    jcmd(daemon.pid(), dir.resolve("jcmd-nmt.txt"), "VM.native_memory", "summary");
                    jcmd(daemon.pid(), dir.resolve("jcmd-nmt-diff.txt"), "VM.native_memory", "summary.diff");
                }
                long pgPid = postmasterPid(dir.resolve("data")).orElse(-1L);

                double termAt = (System.nanoTime() - t0) / 1e9;
                int linesBeforeStop = follower.lines.size();
                daemon.destroy(); // SIGTERM
                boolean exited = daemon.waitFor(options.stopTimeout.toMillis(), TimeUnit.MILLISECONDS);
                double exitAt = (System.nanoTime() - t0) / 1e9;
                if (!exited) {
                    daemon.destroyForcibly();
                    daemon.waitFor();
                }
                sampler.interrupt();
                sampler.join();
                follower.drain();
                List<String> afterStop = follower.lines.subList(linesBeforeStop, follower.lines.size());

                writeSamples(dir.resolve("samples.csv"), samples);
                report(options, samples, slots, termAt);
                System.out.println();
                System.out.println("JVM heap at the end (jcmd GC.heap_info):");
                Files.readAllLines(heap).stream().filter(l -> !l.isBlank()).forEach(l -> System.out.println("  " + l));
                Path nmt = dir.resolve("jcmd-nmt.txt");
                if (Files.exists(nmt)) {
                    System.out.println("native memory (jcmd VM.native_memory summary), committed by category:");
                    Files.readAllLines(nmt).stream()
                            .filter(l -> l.startsWith("Total") || l.matches("^-\\s+\\S.*\\(reserved=.*"))
                            .forEach(l -> System.out.println("  " + l.trim()));
                }
                Path diff = dir.resolve("jcmd-nmt-diff.txt");
                if (Files.exists(diff)) {
                    System.out.println("native memory growth since the third slot (jcmd VM.native_memory summary.diff):");
                    Files.readAllLines(diff).stream()
                            .filter(l -> l.startsWith("Total") || l.matches("^-\\s+\\S.*\\(reserved=.*"))
                            .forEach(l -> System.out.println("  " + l.trim()));
                }
                shutdownReport(daemon, exited, termAt, exitAt, afterStop, pgPid);
                verifyRuns(java, options, dir, slots.size());
            } finally {
                if (daemon.isAlive()) {
                    daemon.destroyForcibly();
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------

    static void writeConfiguration(Path dir, Options options, TargetServers servers) throws IOException {
        StringBuilder yml = new StringBuilder("""
                # Written by DaemonMemoryBenchmark.
                vigil:
                  database:
                    data-dir: %s
                  schedules:
                    healthCheckJob:
                      cron: "%s"
                      zone: UTC
                      misfire: FIRE_NOW
                  fleet:
                    connections:
                """.formatted(dir.resolve("data"), options.cron));
        for (int i = 0; i < options.connections; i++) {
            yml.append("""
                          - name: bench-%05d
                            provider: http
                            address: %s
                            timeout: %dms
                            latency-slo: 1s
                            tags: [bench]
                    """.formatted(i, servers.url(i, options.hanging(i)), options.timeout.toMillis()));
        }
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/application.yml"), yml, StandardCharsets.UTF_8);
    }

    static Sample sample(long jvmPid, Path dataDir, double t) {
        Map<String, Long> jvm = status(jvmPid);
        long pgRss = -1;
        long pgPss = -1;
        int count = 0;
        Optional<Long> postmaster = postmasterPid(dataDir);
        if (postmaster.isPresent()) {
            List<Long> pids = new ArrayList<>(List.of(postmaster.get()));
            ProcessHandle.of(postmaster.get()).ifPresent(p -> p.children().forEach(c -> pids.add(c.pid())));
            pgRss = 0;
            pgPss = 0;
            for (long pid : pids) {
                Map<String, Long> s = status(pid);
                if (s.containsKey("VmRSS")) {
                    pgRss += s.get("VmRSS");
                    pgPss += pss(pid);
                    count++;
                }
            }
        }
        return new Sample(t, jvm.getOrDefault("VmRSS", -1L), jvm.getOrDefault("VmHWM", -1L), pgRss, pgPss, count);
    }

    static boolean nmt(Options options) {
        return options.jvmFlags.stream().anyMatch(f -> f.startsWith("-XX:NativeMemoryTracking"));
    }

    static void writeSamples(Path csv, List<Sample> samples) throws IOException {
        StringBuilder text = new StringBuilder("seconds,jvm_rss_kb,jvm_hwm_kb,pg_rss_sum_kb,pg_pss_sum_kb,pg_processes\n");
        for (Sample s : samples) {
            text.append(String.format(Locale.ROOT, "%.1f,%d,%d,%d,%d,%d%n", s.t, s.jvmRss, s.jvmHwm, s.pgRss, s.pgPss,
                    s.pgProcesses));
        }
        Files.writeString(csv, text);
    }

    static Map<String, Long> status(long pid) {
        Map<String, Long> values = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
                    values.put(line.substring(0, line.indexOf(':')), Long.parseLong(line.replaceAll("\\D", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return values;
    }

    static long pss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return 0;
    }

    /** PostgreSQL writes its pid on the first line of postmaster.pid while it runs. */
    static Optional<Long> postmasterPid(Path dataDir) {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> pid);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static void jcmd(long pid, Path out, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        cmd.addAll(List.of(command));
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start().waitFor(60, TimeUnit.SECONDS);
    }

    /** Spring Batch's durations: "389ms", "2s345ms", "1m2s3ms". */
    static Duration parseBatchDuration(String text) {
        Matcher m = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?").matcher(text);
        if (!m.matches()) {
            return Duration.ZERO;
        }
        long ms = 0;
        long[] unit = {3_600_000, 60_000, 1000, 1};
        for (int i = 0; i < 4; i++) {
            if (m.group(i + 1) != null) {
                ms += Long.parseLong(m.group(i + 1)) * unit[i];
            }
        }
        return Duration.ofMillis(ms);
    }

    // ------------------------------------------------------------------------------------------------

    static void report(Options options, List<Sample> samples, List<Slot> slots, double termAt) {
        // Steady state: from the completion of the third slot (start-up, first probes and the circuits of the
        // hanging targets opening are behind) until SIGTERM.
        double steadyFrom = slots.size() >= 3 ? slots.get(2).completedAt : 0;
        List<Sample> steady = samples.stream().filter(s -> s.t >= steadyFrom && s.t < termAt).toList();
        List<Sample> running = samples.stream().filter(s -> s.t < termAt).toList();
        List<Sample> stopping = samples.stream().filter(s -> s.t >= termAt).toList();
        long peakRss = max(running, Sample::jvmRss);
        long hwm = max(running, Sample::jvmHwm); // the kernel's peak, between samples too
        System.out.println();
        System.out.printf(Locale.ROOT, "%d samples (one a second); steady state = %d samples from %.0f s (third slot done) "
                + "to SIGTERM at %.0f s%n", samples.size(), steady.size(), steadyFrom, termAt);
        System.out.printf(Locale.ROOT, "daemon JVM RSS:      peak while running %s (VmHWM %s); steady median %s, min %s, "
                        + "max %s; peak while shutting down %s%n", mb(peakRss), mb(hwm), mb(median(steady, Sample::jvmRss)),
                mb(min(steady, Sample::jvmRss)), mb(max(steady, Sample::jvmRss)), mb(max(stopping, Sample::jvmRss)));
        System.out.printf(Locale.ROOT, "embedded PostgreSQL: PSS sum peak %s, steady median %s; RSS sum peak %s, steady "
                        + "median %s; %d processes%n", mb(samples.stream().mapToLong(Sample::pgPss).max().orElse(-1)),
                mb(median(steady, Sample::pgPss)), mb(samples.stream().mapToLong(Sample::pgRss).max().orElse(-1)),
                mb(median(steady, Sample::pgRss)), steady.isEmpty() ? 0 : steady.getLast().pgProcesses);
        long[] took = slots.stream().mapToLong(s -> s.took.toMillis()).sorted().toArray();
        System.out.printf(Locale.ROOT, "slot run times (ms): %s; median %d%n",
                slots.stream().map(s -> String.valueOf(s.took.toMillis())).toList(), took[took.length / 2]);
        boolean met = Math.max(hwm, peakRss) < GOAL_BYTES / 1024;
        System.out.printf(Locale.ROOT, "Goal: daemon JVM resident memory under 384 MB while it runs: %s (peak %s, steady "
                + "median %s)%n", met ? "MET" : "MISSED", mb(Math.max(hwm, peakRss)), mb(median(steady, Sample::jvmRss)));
    }

    static void shutdownReport(Process daemon, boolean exited, double termAt, double exitAt, List<String> afterStop,
                               long pgPid) {
        System.out.println();
        long warnings = afterStop.stream().filter(l -> l.contains(" WARN ")).count();
        long errors = afterStop.stream().filter(l -> l.contains(" ERROR ")).count();
        boolean dbKilledEarly = afterStop.stream().anyMatch(l -> l.contains("terminating connection due to administrator command"));
        boolean pgAlive = pgPid > 0 && running(pgPid, Duration.ofSeconds(10));
        System.out.printf(Locale.ROOT, "SIGTERM at %.1f s: %s after %.1f s, exit code %s; after SIGTERM the log has %d WARN "
                        + "and %d ERROR lines%s; embedded PostgreSQL (pid %d) %s%n", termAt,
                exited ? "exited" : "did NOT exit (killed)", exitAt - termAt, exited ? daemon.exitValue() : "-",
                warnings, errors, dbKilledEarly ? ", and PostgreSQL terminated the daemon's connections "
                        + "(\"terminating connection due to administrator command\") while it was still shutting down" : "",
                pgPid, pgAlive ? "STILL RUNNING" : "stopped");
        System.out.println("log after SIGTERM (without stack frames):");
        afterStop.stream().filter(l -> !l.startsWith("\tat ") && !l.startsWith("\t... ") && !l.isBlank())
                .map(l -> l.length() > 220 ? l.substring(0, 220) + "..." : l)
                .forEach(l -> System.out.println("  " + l));
    }

    /** Whether the process still runs after waiting up to {@code wait} for it to go (a zombie does not count). */
    static boolean running(long pid, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            String state;
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                state = stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
            } catch (IOException | RuntimeException e) {
                return false;
            }
            if (state.equals("Z") || state.equals("X")) {
                return false;
            }
            if (Instant.now().isAfter(deadline)) {
                return true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
    }

    /** Asks the command line (same directory, so same configuration and data) which runs the daemon left. */
    static void verifyRuns(String java, Options options, Path dir, int slots) throws IOException, InterruptedException {
        Path out = dir.resolve("jobs-list.json");
        Process cli = new ProcessBuilder(java, "-jar", options.jar.toString(), "jobs", "list", "--json", "--limit", "1000")
                .directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(dir.resolve("jobs-list.err").toFile())
                .start();
        if (!cli.waitFor(3, TimeUnit.MINUTES) || cli.exitValue() != 0) {
            System.out.println("vigil jobs list failed: see " + dir.resolve("jobs-list.err"));
            return;
        }
        JsonNode runs = JsonMapper.builder().build().readTree(Files.readString(out));
        Map<String, Integer> byStatus = new TreeMap<>();
        runs.forEach(run -> byStatus.merge(run.get("status").asString(), 1, Integer::sum));
        System.out.printf(Locale.ROOT, "runs left in the job repository (vigil jobs list --json): %d, by status %s "
                + "(%d slots were seen completing)%n", runs.size(), byStatus, slots);
    }

    static long median(List<Sample> samples, java.util.function.ToLongFunction<Sample> f) {
        long[] v = samples.stream().mapToLong(f).sorted().toArray();
        return v.length == 0 ? -1 : v[v.length / 2];
    }

    static long min(List<Sample> samples, java.util.function.ToLongFunction<Sample> f) {
        return samples.stream().mapToLong(f).min().orElse(-1);
    }

    static long max(List<Sample> samples, java.util.function.ToLongFunction<Sample> f) {
        return samples.stream().mapToLong(f).max().orElse(-1);
    }

    static String mb(long kb) {
        return kb < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
    }


    private DaemonMemoryBenchmark() {
    }
}
