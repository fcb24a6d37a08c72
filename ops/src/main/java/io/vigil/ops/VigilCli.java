package io.vigil.ops;

import io.vigil.ops.demo.DemoCommand;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code vigil} command line. Arguments are parsed before anything starts, so a usage error (exit 2)
 * boots nothing; a command that fails exits 1 with what is wrong on stderr, and the stack trace only
 * with {@code --verbose}.
 */
@Command(name = "vigil",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VigilCli.Version.class,
        description = "Operates Vigil: its scheduler daemon and nodes, its job runs, schedules, fleet, alerts, silences and email outbox.",
        footerHeading = "%nConfiguration:%n",
        footer = {
                "  Every command but demo works on Vigil's database, configured as for the",
                "  daemon: ./config/application.yml, the environment (VIGIL_DB_URL,",
                "  VIGIL_DB_USER, VIGIL_DB_PASSWORD), or Spring properties given anywhere on",
                "  the command line as --spring.*=VALUE, --vigil.*=VALUE or --logging.*=VALUE:",
                "    vigil jobs list --vigil.database.data-dir=/var/lib/vigil/data",
                "    vigil fleet list --spring.config.additional-location=file:/etc/vigil/",
                "%nExit codes: 0 success, 1 the command failed, 2 usage error."})
public final class VigilCli implements Runnable {

    static final int USAGE = CommandLine.ExitCode.USAGE;

    /** In the order {@code vigil --help} lists them. */
    static final List<Class<?>> COMMANDS = List.of(RunCommand.class, JobsCommand.class, ScheduleCommand.class,
            FleetCommand.class, AlertsCommand.class, SilenceCommand.class, MailCommand.class, EventsCommand.class,
            NodesCommand.class, DemoCommand.class, CommandLine.HelpCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "On failure, print the stack trace too.")
    private boolean verbose;

    public static void main(String[] args) {
        withoutJooqBanner();
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * jOOQ logs its logo and a "tip of the day" the first time it renders SQL unless these are set before it
     * loads; set here, they stay away also when an operator turns jOOQ's INFO lines back on. -D still wins.
     */
    static void withoutJooqBanner() {
        for (String property : new String[] {"org.jooq.no-logo", "org.jooq.no-tips"}) {
            if (System.getProperty(property) == null) {
                System.setProperty(property, "true");
            }
        }
    }

    /** Runs one command line against the database it configures, and closes everything it started. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Arguments arguments;
        try {
            arguments = Arguments.split(args);
        } catch (IllegalArgumentException e) {
            err.println("vigil: " + e.getMessage());
            return USAGE;
        }
        try (ReadOnlyContext context = new ReadOnlyContext(arguments.spring())) {
            CommandLine commandLine = commandLine(context, arguments);
            commandLine.setOut(out);
            commandLine.setErr(err);
            return commandLine.execute(arguments.commandArray());
        }
    }

    /**
     * The command line, with its commands taking Vigil's services from {@code context}. Picocli builds a
     * command's model by reflection, which costs a read-only command a third of its time if done for all
     * of them: a line that names a command gets only that branch; any other (help, a typo) gets them all.
     */
    public static CommandLine commandLine(VigilContext context, Arguments arguments) {
        CommandFactory factory = new CommandFactory(context, arguments);
        CommandLine commandLine = new CommandLine(new VigilCli(), factory);
        String named = arguments.command().stream().filter(a -> !a.startsWith("-")).findFirst().orElse(null);
        boolean oneBranch = COMMANDS.stream().anyMatch(c -> name(c).equals(named)) && !"help".equals(named);
        for (Class<?> command : COMMANDS) {
            if (!oneBranch || name(command).equals(named)) {
                commandLine.addSubcommand(name(command), create(factory, command));
            }
        }
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(VigilCli::usageError);
        commandLine.setExecutionExceptionHandler(VigilCli::failure);
        return commandLine;
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    private static Object create(CommandFactory factory, Class<?> command) {
        try {
            return factory.create(command);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the " + name(command) + " command", e);
        }
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: see vigil --help");
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("vigil: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return USAGE;
    }

    private static int failure(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        boolean expected = e instanceof CommandFailure || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException;
        err.println("vigil: " + (expected && e.getMessage() != null ? e.getMessage() : Failures.rootMessage(e)));
        if (verbose(parsed)) {
            e.printStackTrace(err);
        } else if (!expected) {
            err.println("Run again with --verbose for the stack trace.");
        }
        err.flush();
        return CommandLine.ExitCode.SOFTWARE;
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult result = parsed; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = VigilCli.class.getPackage().getImplementationVersion();
            return new String[] {"vigil " + (version == null ? "(development build)" : version)};
        }
    }
}
