package io.vigil.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A send failure as one short line that is safe to store in {@code last_error} and to log: the messages
 * of the cause chain without repeats, with the SMTP password removed in every form a server or library
 * could echo it (as given, URL-encoded, and Base64-encoded as AUTH LOGIN and AUTH PLAIN send it).
 */
public final class FailureText {

    public static final int MAX_LENGTH = 300;
    private static final String MASK = "***";

    private FailureText() {
    }

    public static String of(Throwable failure, String username, String password) {
        Set<String> messages = new LinkedHashSet<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            String message = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
            if (messages.stream().noneMatch(earlier -> earlier.contains(message))) {
                messages.add(message);
            }
        }
        return scrub(String.join(": ", messages), username, password);
    }

    public static String scrub(String message, String username, String password) {
        String scrubbed = message;
        for (String form : secretForms(username, password)) {
            scrubbed = scrubbed.replace(form, MASK);
        }
        scrubbed = scrubbed.replaceAll("\\s+", " ").strip();
        return scrubbed.length() <= MAX_LENGTH ? scrubbed : scrubbed.substring(0, MAX_LENGTH - 1) + "…";
    }

    // Longest first, so that a form containing another is masked whole.
    private static List<String> secretForms(String username, String password) {
        List<String> forms = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            return forms;
        }
        Base64.Encoder base64 = Base64.getEncoder();
        forms.add(password);
        forms.add(URLEncoder.encode(password, StandardCharsets.UTF_8));
        forms.add(base64.encodeToString(password.getBytes(StandardCharsets.UTF_8)));
        String plain = "\0" + (username == null ? "" : username) + "\0" + password;
        forms.add(base64.encodeToString(plain.getBytes(StandardCharsets.UTF_8)));
        forms.sort(Comparator.comparingInt(String::length).reversed());
        return forms;
    }
}
