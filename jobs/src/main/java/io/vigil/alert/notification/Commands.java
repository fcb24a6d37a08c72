package io.vigil.alert.notification;

import java.util.List;

/** The {@code vigil} commands an email suggests, quoted so they can be pasted into a shell as they are. */
public final class Commands {

    private Commands() {
    }

    public static List<String> forConnection(String name) {
        String quoted = shellQuoted(name);
        return List.of("vigil fleet show " + quoted, "vigil fleet test " + quoted, "vigil alerts list",
                "vigil silence add --connection " + quoted + " --for 2h --comment \"...\"");
    }

    /** What to look at once it is over; no silence, which would hide the next outage. */
    public static List<String> forResolvedConnection(String name) {
        return List.of("vigil fleet show " + shellQuoted(name), "vigil fleet test " + shellQuoted(name), "vigil alerts list");
    }

    public static List<String> forRun(long executionId) {
        return List.of("vigil jobs show " + executionId, "vigil jobs restart " + executionId);
    }

    /** A run that a surviving node is restarting: where to watch the restart, nothing to do. */
    public static List<String> forRestartedRun(String job, long executionId) {
        return List.of("vigil jobs show " + executionId, "vigil jobs list --job " + shellQuoted(job));
    }

    static String shellQuoted(String value) {
        return value.matches("[A-Za-z0-9._/:@%+=-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
