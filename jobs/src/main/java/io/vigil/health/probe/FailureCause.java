package io.vigil.health.probe;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Why a probe failed, as the person reading the alert would say it: "connection refused by db1:5432", not
 * {@code ConnectException: ClosedChannelException} nor a driver's advice glued to its cause's message. Drivers
 * wrap the network failure that matters in layers of their own, differently each; this looks through them for
 * the few failures it knows, and names the host and port, which the JDK's own messages often leave out.
 */
final class FailureCause {

    // Enough for any real cause chain; a bound, because a pathological one could be long.
    private static final int MAX_FAILURES_EXAMINED = 10;

    private FailureCause() {
    }

    /**
     * @param endpoint the target's {@code host:port}
     * @param timeout  the probe's timeout, which a timeout is reported against
     * @return the cause, or null when the chain holds no failure this knows (its messages then say it best:
     *         a server's "password authentication failed", an HTTP client's own words)
     */
    static String of(Throwable failure, String endpoint, Duration timeout) {
        List<Throwable> chain = chain(failure);
        if (chain.stream().anyMatch(t -> t instanceof UnknownHostException || t instanceof UnresolvedAddressException)) {
            return "host not found: " + endpoint;
        }
        if (chain.stream().anyMatch(t -> t instanceof NoRouteToHostException)) {
            return "no route to " + endpoint;
        }
        // Before refusals: "Connection timed out" is a ConnectException too.
        if (chain.stream().anyMatch(t -> t instanceof SocketTimeoutException || t instanceof HttpTimeoutException
                || t instanceof TimeoutException || says(t, "timed out"))) {
            return "no answer from " + endpoint + " within " + timeout.toMillis() + " ms";
        }
        if (chain.stream().anyMatch(t -> t instanceof ConnectException || says(t, "connection refused"))) {
            return "connection refused by " + endpoint;
        }
        for (Throwable t : chain) {
            if (t instanceof SSLException) {
                return "TLS with " + endpoint + " failed" + (t.getMessage() == null ? "" : ": " + t.getMessage());
            }
        }
        return null;
    }

    private static boolean says(Throwable t, String words) {
        return t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(words);
    }

    /** The failure, its causes and their suppressed exceptions (Jedis adds one per address it tried). */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
        while (!pending.isEmpty() && chain.size() < MAX_FAILURES_EXAMINED) {
            Throwable t = pending.removeFirst();
            if (!seen.add(t)) {
                continue;
            }
            chain.add(t);
            if (t.getCause() != null) {
                pending.addLast(t.getCause());
            }
            pending.addAll(Arrays.asList(t.getSuppressed()));
        }
        return chain;
    }
}
