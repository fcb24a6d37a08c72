package io.vigil.secret;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Makes a failure message safe to store, log and mail: drivers and servers sometimes echo what they were
 * given (a user name that is really a token, a URL with a key), so every message a probe returns passes
 * through here first.
 */
public final class SecretScrubber {

    public static final int MAX_LENGTH = 500;
    private static final String MASK = "***";
    private static final String ELLIPSIS = "…";
    // Enough for any real cause chain; a bound, because a pathological one could be long.
    private static final int MAX_FAILURES_DESCRIBED = 10;

    /**
     * Replaces every occurrence of each non-empty secret, and of its URL-encoded forms, with {@code ***},
     * collapses runs of whitespace to one space and truncates to {@value #MAX_LENGTH} characters.
     *
     * @return null when the message is null
     */
    public static String scrub(String message, String... secrets) {
        if (message == null) {
            return null;
        }
        String scrubbed = message;
        for (String form : formsLongestFirst(secrets)) {
            scrubbed = scrubbed.replace(form, MASK);
        }
        return truncate(scrubbed.replaceAll("\\s+", " ").strip());
    }

    /**
     * The message of a failure and of its causes and suppressed exceptions, scrubbed. Drivers often wrap the
     * useful part ("Connection refused", "Read timed out") in a generic message, as a cause or, like Jedis
     * for each address it tried, as a suppressed exception; so those are kept, without repeats, and a
     * failure without a message is named by its class.
     *
     * @return null when the failure is null
     */
    public static String describe(Throwable failure, String... secrets) {
        if (failure == null) {
            return null;
        }
        Set<String> messages = new LinkedHashSet<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
        while (!pending.isEmpty() && seen.size() < MAX_FAILURES_DESCRIBED) {
            Throwable t = pending.removeFirst();
            if (!seen.add(t)) {
                continue;
            }
            // Some failures carry no message at all (the JDK HTTP client's ConnectException wrapping an
            // UnresolvedAddressException); then their class name is the information.
            String message = t.getMessage() == null || t.getMessage().isBlank()
                    ? t.getClass().getSimpleName()
                    : t.getMessage();
            if (messages.stream().noneMatch(earlier -> earlier.contains(message))) {
                messages.add(message);
            }
            if (t.getCause() != null) {
                pending.addLast(t.getCause());
            }
            pending.addAll(Arrays.asList(t.getSuppressed()));
        }
        return scrub(joined(messages), secrets);
    }

    // "Failed to connect to cache:6379.: Connection refused" reads as a typo: a sentence's full stop goes.
    private static String joined(Set<String> messages) {
        StringBuilder joined = new StringBuilder();
        for (String message : messages) {
            if (!joined.isEmpty()) {
                int end = joined.length();
                if (joined.charAt(end - 1) == '.' && (end < 2 || joined.charAt(end - 2) != '.')) {
                    joined.setLength(joined.length() - 1);
                }
                joined.append(": ");
            }
            joined.append(message);
        }
        return joined.toString();
    }

    // Longest first, so a secret that contains another one is masked whole rather than leaving its tail.
    private static Iterable<String> formsLongestFirst(String... secrets) {
        if (secrets == null) {
            return Set.of();
        }
        Set<String> forms = new LinkedHashSet<>();
        Arrays.stream(secrets).filter(Objects::nonNull).filter(s -> !s.isEmpty()).forEach(secret -> {
            forms.add(secret);
            String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
            forms.add(encoded);
            forms.add(encoded.replace("+", "%20"));
        });
        return forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    private static String truncate(String message) {
        if (message.length() <= MAX_LENGTH) {
            return message;
        }
        int end = MAX_LENGTH - ELLIPSIS.length();
        if (Character.isHighSurrogate(message.charAt(end - 1))) {
            end--;
        }
        return message.substring(0, end) + ELLIPSIS;
    }

    private SecretScrubber() {
    }
}
