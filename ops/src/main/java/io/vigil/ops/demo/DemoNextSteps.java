package io.vigil.ops.demo;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the demo prints last: commands that work when pasted as they are (a {@code cd} into the demo's
 * directory, then plain {@code vigil} lines, which find the demo's configuration there), which demo
 * targets ended with the demo, and how much disk it leaves.
 *
 * @param vigil what {@code vigil} stands for in those lines, or null when it cannot be told
 */
record DemoNextSteps(Path directory, long bytes, long healthCheckRun, List<String> lastingTargets,
                     int vigilItselfPort, String vigil) {

    DemoNextSteps {
        lastingTargets = List.copyOf(lastingTargets);
    }

    /**
     * The launcher this JVM was started by (it says so in VIGIL_LAUNCHER), else the one beside the jar
     * run with {@code java -jar} (ops/bin/vigil for ops/target/vigil.jar), else that jar; null when the
     * JVM was started from a class path.
     */
    static String vigilCommand() {
        String launcher = System.getenv("VIGIL_LAUNCHER");
        if (launcher != null && !launcher.isBlank()) {
            return launcher;
        }
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.endsWith(".jar") || classPath.contains(File.pathSeparator)) {
            return null;
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        Path beside = jar.getParent().resolveSibling("bin").resolve("vigil");
        return Files.isExecutable(beside) ? beside.normalize().toString() : "java -jar " + jar;
    }

    /** The commands to paste after {@code cd}, without the leading {@code vigil}. */
    List<String> commands() {
        List<String> commands = new ArrayList<>(List.of("jobs show " + healthCheckRun, "jobs list", "fleet list"));
        // A target that is gone would fail its test (exit 1): only one that goes on answering.
        lastingTargets.stream().findFirst().ifPresent(target -> commands.add("fleet test " + target));
        commands.addAll(List.of("alerts list", "mail list"));
        return commands;
    }

    void print(PrintWriter out) {
        out.println("Look further from the demo's directory, where vigil finds its configuration"
                + " (config/application.properties):");
        out.println("  cd " + directory);
        commands().forEach(command -> out.println("  vigil " + command));
        out.println(vigil == null
                ? "where vigil is the vigil command (ops/bin/vigil, or java -jar vigil.jar)."
                : "where vigil is " + vigil + " (in a shell: alias vigil=\"" + vigil + "\").");
        out.println("Nothing is left running. Two demo targets ended with the demo: slow-api, which it served, and"
                + " vigil-itself,");
        out.println("its PostgreSQL on port " + vigilItselfPort + ", which a later command starts on another port."
                + " A check of either now finds it DOWN.");
        out.printf(Locale.ROOT, "The demo leaves %d MB in %s; delete it with rm -r %s%n", Math.round(bytes / 1e6),
                directory, directory);
    }
}
