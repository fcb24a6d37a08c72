package io.vigil.runs;

import java.util.concurrent.ThreadFactory;

/** Threads of Vigil's own timers and workers: named, so a thread dump says whose they are, and daemons. */
final class DaemonThreads {

    private DaemonThreads() {
    }

    static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
