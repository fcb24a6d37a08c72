package io.vigil.alert.silence;

import static io.vigil.db.jooq.Tables.SILENCE;

import io.vigil.db.jooq.tables.records.SilenceRecord;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Which silences are active, for the evaluation and the alert list, in the caller's transaction. Operators
 * add, list and expire them through {@link Silences}.
 */
public class SilenceRepository {

    public List<Silence> activeAt(DSLContext tx, Instant instant) {
        return tx.selectFrom(SILENCE).where(SILENCE.ENDS_AT.gt(instant))
                .fetch(SilenceRepository::silence).stream().filter(s -> s.activeAt(instant)).toList();
    }

    static Silence silence(SilenceRecord r) {
        return new Silence(r.getId(), r.getConnectionName(), r.getTag(), r.getStartsAt(),
                r.getEndsAt(), r.getComment(), r.getAuthor(), r.getCreatedAt(), r.getExpiredAt());
    }
}
