package io.vigil.ops;

import io.vigil.schedule.Daemon;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "run",
        description = {"Starts the scheduler daemon and runs until SIGTERM or Ctrl-C.",
                "Installs the configured schedules and runs them. At start and every heartbeat it takes over the "
                        + "runs of nodes that stopped checking in (vigil nodes lists them).",
                "On SIGTERM it stops its runs at a chunk boundary (they end STOPPED, restartable) and exits.",
                "Several daemons may share one database: each slot still runs once.",
                "Like any JVM stopped by a signal, it exits with status 143 (128 + SIGTERM): a systemd unit should "
                        + "say SuccessExitStatus=143."})
final class RunCommand implements Callable<Integer> {

    private final Arguments arguments;

    RunCommand(Arguments arguments) {
        this.arguments = arguments;
    }

    @Override
    public Integer call() throws Exception {
        try (SpringVigilContext context = SpringVigilContext.forDaemon(arguments.spring())) {
            context.bean(Daemon.class).start();
            // Spring's shutdown hook closes the context on SIGTERM or Ctrl-C; the graceful part is in there.
            context.awaitClose();
        }
        return 0;
    }
}
