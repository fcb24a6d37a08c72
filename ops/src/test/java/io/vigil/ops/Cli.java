package io.vigil.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;

/** Runs vigil command lines in the test JVM against a given context, capturing what they print. */
public final class Cli {

    public record Result(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }

    private final VigilContext context;

    private Cli(VigilContext context) {
        this.context = context;
    }

    /** Commands get their beans from an already running test context. */
    static Cli on(ApplicationContext spring) {
        return new Cli(new VigilContext() {
            @Override
            public <T> T bean(Class<T> type) {
                return spring.getBean(type);
            }
        });
    }

    /** For command lines that must not start anything: any bean request fails the test. */
    static Cli withoutSpring() {
        return new Cli(noSpring());
    }

    /** Commands get their beans from {@code context}. */
    static Cli over(VigilContext context) {
        return new Cli(context);
    }

    /** A context that fails the test when a command asks it for anything. */
    static VigilContext noSpring() {
        return new VigilContext() {
            @Override
            public <T> T bean(Class<T> type) {
                throw new AssertionError("the command asked for " + type.getSimpleName() + ": it must not start Spring");
            }
        };
    }

    Result run(String... args) {
        Arguments arguments = Arguments.split(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = VigilCli.commandLine(context, arguments);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(arguments.commandArray());
        return new Result(exitCode, out.toString(), err.toString());
    }
}
