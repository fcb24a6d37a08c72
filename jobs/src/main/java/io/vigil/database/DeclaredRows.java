package io.vigil.database;

import java.time.Instant;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableRecord;

/**
 * Rows declared in configuration (connections, alert rules) and synced into a table keyed by name: the
 * declaration wins on every sync, but the row keeps its id and the time it was first declared, so the
 * history that refers to it stays attached.
 */
public final class DeclaredRows {

    private DeclaredRows() {
    }

    public static <R extends TableRecord<R>> void upsert(DSLContext dsl, Table<R> table, TableField<R, String> nameField,
                                                         String name, TableField<R, Instant> createdAt,
                                                         Instant now, Map<Field<?>, Object> declared) {
        dsl.insertInto(table)
                .set(nameField, name)
                .set(createdAt, now)
                .set(declared)
                .onConflict(nameField)
                .doUpdate()
                .set(declared)
                .execute();
    }
}
