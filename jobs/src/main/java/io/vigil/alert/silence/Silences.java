package io.vigil.alert.silence;

import static io.vigil.db.jooq.Tables.MONITORED_CONNECTION;
import static io.vigil.db.jooq.Tables.SILENCE;

import io.vigil.db.jooq.tables.records.SilenceRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * What operators do with silences: add one, list them, expire one. A silence for a connection or tag that
 * the fleet does not have is refused, since it would mute nothing.
 */
public class Silences {

    public sealed interface Addition {
        record Added(Silence silence) implements Addition {
        }

        record UnknownConnection(String name) implements Addition {
        }

        record UnusedTag(String tag) implements Addition {
        }
    }

    public sealed interface Expiry {
        record Expired(Silence silence) implements Expiry {
        }

        record AlreadyOver(Silence silence) implements Expiry {
        }

        record Unknown(long id) implements Expiry {
        }
    }

    private final DSLContext dsl;
    private final Clock clock;

    public Silences(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Exactly one of {@code connection} and {@code tag}; from now on, for {@code duration}. */
    public Addition add(String connection, String tag, Duration duration, String comment, String author) {
        if (connection != null && !connectionExists(connection)) {
            return new Addition.UnknownConnection(connection);
        }
        if (tag != null && !tagInUse(tag)) {
            return new Addition.UnusedTag(tag);
        }
        Instant now = clock.instant();
        SilenceRecord record = dsl.newRecord(SILENCE);
        record.setConnectionName(connection);
        record.setTag(tag);
        record.setStartsAt(now);
        record.setEndsAt(now.plus(duration));
        record.setComment(comment);
        record.setAuthor(author);
        record.setCreatedAt(now);
        record.store();
        return new Addition.Added(SilenceRepository.silence(record));
    }

    /** Newest first; only those still in force unless {@code all}. */
    public List<Silence> list(boolean all) {
        Instant now = clock.instant();
        return dsl.selectFrom(SILENCE).orderBy(SILENCE.ID.desc()).fetch(SilenceRepository::silence).stream()
                .filter(s -> all || s.notOverAt(now)).toList();
    }

    public Expiry expire(long id) {
        Instant now = clock.instant();
        Optional<Silence> found = dsl.selectFrom(SILENCE).where(SILENCE.ID.eq(id)).fetchOptional(SilenceRepository::silence);
        if (found.isEmpty()) {
            return new Expiry.Unknown(id);
        }
        Silence silence = found.get();
        if (!silence.notOverAt(now)) {
            return new Expiry.AlreadyOver(silence);
        }
        dsl.update(SILENCE).set(SILENCE.EXPIRED_AT, now).where(SILENCE.ID.eq(id)).execute();
        return new Expiry.Expired(silence.endedEarlyAt(now));
    }

    private boolean connectionExists(String name) {
        return dsl.fetchExists(MONITORED_CONNECTION, MONITORED_CONNECTION.NAME.eq(name));
    }

    private boolean tagInUse(String tag) {
        return dsl.fetchExists(MONITORED_CONNECTION, DSL.val(tag).eq(DSL.any(MONITORED_CONNECTION.TAGS)));
    }
}
