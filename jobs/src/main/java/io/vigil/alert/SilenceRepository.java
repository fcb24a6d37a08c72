package io.vigil.alert;

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

/** Adds, lists and expires silences; the evaluation asks which are active. */
public class SilenceRepository {

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

    public SilenceRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Exactly one of {@code connection} and {@code tag}; the caller has checked that it names something. */
    public Silence add(String connection, String tag, Duration duration, String comment, String author) {
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
        return silence(record);
    }

    public boolean connectionExists(String name) {
        return dsl.fetchExists(MONITORED_CONNECTION, MONITORED_CONNECTION.NAME.eq(name));
    }

    public boolean tagInUse(String tag) {
        return dsl.fetchExists(MONITORED_CONNECTION, DSL.val(tag).eq(DSL.any(MONITORED_CONNECTION.TAGS)));
    }

    /** Newest first; only those still in force unless {@code all}. */
    public List<Silence> list(boolean all) {
        Instant now = clock.instant();
        return dsl.selectFrom(SILENCE).orderBy(SILENCE.ID.desc()).fetch(SilenceRepository::silence).stream()
                .filter(s -> all || s.activeAt(now) || s.startsAt().isAfter(now)).toList();
    }

    public List<Silence> activeAt(DSLContext tx, Instant instant) {
        return tx.selectFrom(SILENCE).where(SILENCE.ENDS_AT.gt(instant))
                .fetch(SilenceRepository::silence).stream().filter(s -> s.activeAt(instant)).toList();
    }

    public Expiry expire(long id) {
        Instant now = clock.instant();
        Optional<Silence> found = dsl.selectFrom(SILENCE).where(SILENCE.ID.eq(id)).fetchOptional(SilenceRepository::silence);
        if (found.isEmpty()) {
            return new Expiry.Unknown(id);
        }
        Silence silence = found.get();
        if (!silence.activeAt(now) && !silence.startsAt().isAfter(now)) {
            return new Expiry.AlreadyOver(silence);
        }
        dsl.update(SILENCE).set(SILENCE.EXPIRED_AT, now).where(SILENCE.ID.eq(id)).execute();
        return new Expiry.Expired(new Silence(silence.id(), silence.connection(), silence.tag(), silence.startsAt(),
                silence.endsAt(), silence.comment(), silence.author(), silence.createdAt(), now));
    }

    private static Silence silence(SilenceRecord r) {
        return new Silence(r.getId(), r.getConnectionName(), r.getTag(), r.getStartsAt(),
                r.getEndsAt(), r.getComment(), r.getAuthor(), r.getCreatedAt(), r.getExpiredAt());
    }
}
