package io.vigil.ops;

import java.util.ArrayList;
import java.util.List;

/** Turns exceptions and Spring Batch exit descriptions into lines an operator can act on. */
final class Failures {

    /** Spring Batch's default limit for stored exit messages; a longer stack trace loses its end, the causes. */
    static final int STORED_EXIT_MESSAGE_LIMIT = 2500;

    /** Whether a stored exit message was cut by Spring Batch, so its root cause may be missing. */
    static boolean truncated(String storedExitMessage) {
        return storedExitMessage != null && storedExitMessage.length() >= STORED_EXIT_MESSAGE_LIMIT;
    }

    /** The innermost cause's message: what actually went wrong, without the layers of wrapping. */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getName() : root.getMessage();
    }

    /**
     * The exception lines of a stack trace as Spring Batch stores it (the exception and each "Caused by"),
     * without the frames.
     */
    static List<String> exceptionLines(String stackTrace) {
        List<String> lines = new ArrayList<>();
        if (stackTrace == null || stackTrace.isBlank()) {
            return lines;
        }
        boolean message = true;
        for (String line : stackTrace.strip().split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("at ") || trimmed.startsWith("...") || trimmed.startsWith("Suppressed:")) {
                message = false;
            } else if (trimmed.startsWith("Caused by:")) {
                lines.add(trimmed);
                message = true;
            } else if (message && !trimmed.isEmpty()) {
                lines.add(trimmed);
            }
        }
        return lines;
    }

    private Failures() {
    }
}
