package io.vigil.runs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

/**
 * Syncs rows declared in configuration into a table keyed by name, in one transaction: each
 * declaration validated (a bad one is reported by name and skipped, never stopping the others), the
 * valid ones upserted, the rows no longer declared disabled. The declaration wins on every sync, but a
 * row keeps its id and the time it was first declared, so the history that refers to it stays attached.
 *
 * @param <R> the table's record type
 */
public final class DeclaredRows<R extends TableRecord<R>> {

    /** One row as declared: its name and the values of the declared columns. */
    public record Row(String name, Map<Field<?>, Object> columns) {
    }

    /** Turns a declaration into its row, or says what is wrong with an IllegalArgumentException. */
    @FunctionalInterface
    public interface Validation<D> {
        Row validate(D declaration);
    }

    private final DSLContext dsl;
    private final Clock clock;
    private final Table<R> table;
    private final TableField<R, String> name;
    private final TableField<R, Boolean> enabled;
    private final TableField<R, Instant> createdAt;
    private final TableField<R, Instant> updatedAt;

    public DeclaredRows(DSLContext dsl, Clock clock, Table<R> table, TableField<R, String> name,
                        TableField<R, Boolean> enabled, TableField<R, Instant> createdAt,
                        TableField<R, Instant> updatedAt) {
        this.dsl = dsl;
        this.clock = clock;
        this.table = table;
        this.name = name;
        this.enabled = enabled;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /**
     * @param key       where the declarations are configured, e.g. {@code vigil.fleet.connections}: an
     *                  unnamed declaration is reported as {@code key[index]}
     * @param always    rows that exist whatever is declared (they are synced after the declared ones)
     */
    public <D> SyncReport sync(String key, List<D> declarations, Function<D, String> nameOf, Validation<D> validation,
                               List<Row> always) {
        Map<String, String> invalid = new LinkedHashMap<>();
        List<Row> valid = new ArrayList<>();
        // Named but invalid declarations count as declared: their row keeps its last good version
        // instead of being disabled by a typo.
        Set<String> declared = new HashSet<>();
        for (int i = 0; i < declarations.size(); i++) {
            D declaration = declarations.get(i);
            String declaredName = nameOf.apply(declaration);
            boolean named = declaredName != null && !declaredName.isBlank();
            String label = named ? declaredName : key + "[" + i + "]";
            try {
                if (!named) {
                    throw new IllegalArgumentException("name is missing: give every entry of " + key + " a unique name");
                }
                if (!declared.add(declaredName)) {
                    throw new IllegalArgumentException("name '" + declaredName + "' is declared twice: names must be unique");
                }
                valid.add(validation.validate(declaration));
            } catch (IllegalArgumentException e) {
                invalid.put(label, e.getMessage());
            }
        }
        valid.addAll(always);
        always.forEach(row -> declared.add(row.name()));
        List<String> disabled = dsl.transactionResult(tx -> {
            Instant now = clock.instant();
            valid.forEach(row -> upsert(tx.dsl(), row, now));
            return tx.dsl().update(table)
                    .set(enabled, false)
                    .set(updatedAt, now)
                    .where(enabled.isTrue())
                    .and(declared.isEmpty() ? DSL.trueCondition() : name.notIn(declared))
                    .returning(name)
                    .fetch(name);
        });
        return new SyncReport(valid.stream().map(Row::name).toList(), invalid, disabled);
    }

    private void upsert(DSLContext tx, Row row, Instant now) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>(row.columns());
        columns.put(updatedAt, now);
        tx.insertInto(table)
                .set(name, row.name())
                .set(createdAt, now)
                .set(columns)
                .onConflict(name)
                .doUpdate()
                .set(columns)
                .execute();
    }
}
