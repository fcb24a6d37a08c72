package io.vigil.rollup;

import io.vigil.database.ViewRefreshes;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Refreshes the dashboards' materialised views. CONCURRENTLY keeps them readable during the refresh;
 * PostgreSQL refuses it for a view that was never populated (created WITH NO DATA), so the first refresh
 * is a plain one. Each view has the unique index CONCURRENTLY needs (V4, V10). The refresh and the
 * record of its time commit together, so the time shown with a view is the one its rows were computed at.
 */
public class MaterializedViews {

    public static final List<String> VIEWS = List.of("connection_health_summary", "event_daily_summary");

    private final DSLContext dsl;

    public MaterializedViews(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void refresh(String view) {
        if (!VIEWS.contains(view)) {
            throw new IllegalArgumentException("unknown materialised view '" + view + "': known are " + VIEWS);
        }
        dsl.transaction(tx -> {
            boolean populated = ViewRefreshes.of(tx.dsl(), view).populated();
            tx.dsl().execute(populated ? "REFRESH MATERIALIZED VIEW CONCURRENTLY {0}" : "REFRESH MATERIALIZED VIEW {0}",
                    DSL.name("vigil", view));
            ViewRefreshes.recordRefresh(tx.dsl(), view);
        });
    }
}
