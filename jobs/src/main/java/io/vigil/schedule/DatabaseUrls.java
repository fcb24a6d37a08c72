package io.vigil.schedule;

import java.util.regex.Pattern;

/** A JDBC URL as a log may show it: where the database is, without what may carry a password. */
final class DatabaseUrls {

    private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");

    private DatabaseUrls() {
    }

    /**
     * {@code jdbc:postgresql://user:secret@db1:5432/vigil?password=secret&ssl=true} → {@code postgresql://db1:5432/vigil}.
     * The query string goes whole: drivers take passwords, keys and file paths there under many names.
     */
    static String withoutCredentials(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            return "(no URL)";
        }
        String url = jdbcUrl.strip();
        url = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
        int parameters = indexOfAny(url, '?', ';');
        url = parameters < 0 ? url : url.substring(0, parameters);
        return USER_INFO.matcher(url).replaceFirst("//");
    }

    private static int indexOfAny(String text, char... characters) {
        int first = -1;
        for (char c : characters) {
            int at = text.indexOf(c);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }
}
