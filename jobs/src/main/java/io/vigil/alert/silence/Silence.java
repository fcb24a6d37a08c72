package io.vigil.alert.silence;

import java.time.Instant;
import java.util.Collection;

/**
 * Mutes alerts about one connection, or about every connection with a tag, for a while. Exactly one of
 * {@code connection} and {@code tag} is set.
 *
 * @param expiredAt when it was ended early with {@code vigil silence expire}, or null
 */
public record Silence(long id, String connection, String tag, Instant startsAt, Instant endsAt, String comment,
                      String author, Instant createdAt, Instant expiredAt) {

    public boolean activeAt(Instant instant) {
        Instant end = expiredAt != null && expiredAt.isBefore(endsAt) ? expiredAt : endsAt;
        return !instant.isBefore(startsAt) && instant.isBefore(end);
    }

    /** Not over yet at {@code instant}: in force, or still to start. */
    public boolean notOverAt(Instant instant) {
        return activeAt(instant) || instant.isBefore(startsAt);
    }

    /** This silence, ended early at {@code instant}. */
    public Silence endedEarlyAt(Instant instant) {
        return new Silence(id, connection, tag, startsAt, endsAt, comment, author, createdAt, instant);
    }

    /** ACTIVE, PENDING (starts later), ENDED or EXPIRED (ended early by hand). */
    public String stateAt(Instant instant) {
        if (expiredAt != null && !instant.isBefore(expiredAt)) {
            return "EXPIRED";
        }
        return instant.isBefore(startsAt) ? "PENDING" : instant.isBefore(endsAt) ? "ACTIVE" : "ENDED";
    }

    public boolean matches(String connectionName, Collection<String> connectionTags) {
        return connection != null ? connection.equals(connectionName) : connectionTags.contains(tag);
    }

    /** {@code connection NAME} or {@code tag T}. */
    public String target() {
        return connection != null ? "connection " + connection : "tag " + tag;
    }
}
