package io.vigil.ops.bench;

import io.vigil.bench.BenchArgs;
import io.vigil.testing.PostgresServer;
import io.vigil.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How long a read-only {@code vigil} command takes, as a whole process, beside a bare JVM that opens one
 * JDBC connection and runs one query ({@link BareQuery}), on the same database in the same run. Every
 * round runs each command line once, in turn, so that a slower minute of the machine falls on all of
 * them alike; the medians over the rounds are printed as a Markdown table.
 *
 * <p>Lines: the bare query; each read-only command through {@code ops/bin/vigil} (extracted jar,
 * class-data archive, C1); {@code jobs list} as {@code java -jar vigil.jar} (no launcher); and
 * {@code jobs launch noSuchJob}, which starts the Spring context, as every command did before.
 * Needs {@code ops/target/vigil.jar}: build it first. Run from the project root.
 */
public final class CommandLatencyBenchmark {

    private CommandLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchArgs.parse(args, Map.of("rounds", "15", "warmup", "2"));
        int rounds = Integer.parseInt(options.get("rounds"));
        int warmup = Integer.parseInt(options.get("warmup"));
        Path jar = Path.of("ops/target/vigil.jar").toAbsolutePath();
        Path launcher = Path.of("ops/bin/vigil").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first with mvn -B -DskipTests install");
        }
        TestDatabase database = PostgresServer.newDatabase("vigil_latency");
        Path cache = Files.createTempDirectory("vigil-latency-cache");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> db = List.of("--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user());

        // Something to read: one run (jobs show 1) and the schedules' absence.
        time(concat(List.of(launcher.toString(), "jobs", "launch", "mailDeliveryJob"), db), cache, true);

        Map<String, List<String>> lines = new LinkedHashMap<>();
        lines.put("bare JDBC query", List.of(java, "-cp", bareClasspath(), BareQuery.class.getName(), database.url(),
                database.user()));
        for (String command : List.of("jobs list", "jobs show 1", "fleet list", "alerts list", "mail list",
                "schedule list", "nodes")) {
            lines.put("vigil " + command, concat(List.of(launcher.toString()), Arrays.asList(command.split(" ")), db));
        }
        lines.put("java -jar vigil.jar jobs list", concat(List.of(java, "-jar", jar.toString(), "jobs", "list"), db));
        lines.put("vigil jobs launch noSuchJob (Spring)", concat(List.of(launcher.toString(), "jobs", "launch", "noSuchJob"), db));

        Map<String, List<Long>> millis = new LinkedHashMap<>();
        lines.keySet().forEach(name -> millis.put(name, new ArrayList<>()));
        for (int round = -warmup; round < rounds; round++) {
            for (Map.Entry<String, List<String>> line : lines.entrySet()) {
                long took = time(line.getValue(), cache, !line.getKey().contains("noSuchJob"));
                if (round >= 0) {
                    millis.get(line.getKey()).add(took);
                }
            }
        }

        double bare = median(millis.get("bare JDBC query"));
        System.out.printf("%n%d rounds after %d warm-up rounds, on %s (%d CPUs), %s %s%n%n", rounds, warmup,
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        System.out.println("| command line | median | min | max | × bare |");
        System.out.println("|---|---:|---:|---:|---:|");
        millis.forEach((name, times) -> System.out.printf("| %s | %.2f s | %.2f s | %.2f s | %.1f |%n", name,
                median(times) / 1000, times.stream().mapToLong(Long::longValue).min().orElseThrow() / 1000.0,
                times.stream().mapToLong(Long::longValue).max().orElseThrow() / 1000.0, median(times) / bare));
    }

    /** Milliseconds from start to exit; a failing command fails the benchmark, unless it is meant to fail. */
    private static long time(List<String> command, Path cache, boolean mustSucceed) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("VIGIL_CACHE_DIR", cache.toString());
        long start = System.nanoTime();
        Process process = builder.start();
        String err = new String(process.getErrorStream().readAllBytes());
        int exit = process.waitFor();
        long took = (System.nanoTime() - start) / 1_000_000;
        if (mustSucceed && exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit + ": " + err);
        }
        return took;
    }

    /** This class's own directory and the PostgreSQL driver's jar: nothing else. */
    private static String bareClasspath() throws Exception {
        return Path.of(BareQuery.class.getProtectionDomain().getCodeSource().getLocation().toURI()) + File.pathSeparator
                + Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().collect(Collectors.toList());
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
