package io.vigil.rollup;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** The SET clause of a rollup upsert: every column after the bucket key takes the new value. */
final class Upserts {

    static Map<Field<?>, Field<?>> excludedMeasures(Table<?> table, int keyColumns) {
        Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
        Arrays.stream(table.fields()).skip(keyColumns).forEach(field -> set.put(field, DSL.excluded(field)));
        return set;
    }

    private Upserts() {
    }
}
