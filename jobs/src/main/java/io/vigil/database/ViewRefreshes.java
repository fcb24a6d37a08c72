package io.vigil.database;

import static io.vigil.db.jooq.Tables.VIEW_REFRESH;

import java.time.Instant;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * When each materialised view was last refreshed ({@code vigil.view_refresh}) and whether it holds data
 * at all. PostgreSQL does not record when a view was refreshed, and reading one that was never populated
 * is an error rather than an empty result.
 */
public final class ViewRefreshes {

    /**
     * A view as its readers find it.
     *
     * @param populated   false until its first refresh; reading it before then fails
     * @param refreshedAt the now() of its last refresh; null if it never was, or was refreshed outside Vigil
     */
    public record Refresh(boolean populated, Instant refreshedAt) {
    }

    private ViewRefreshes() {
    }

    /**
     * Records a refresh of {@code view} that ran in the current transaction. Its now() is the transaction's
     * start, the instant the view's windows were computed from, whenever the refresh itself ends.
     */
    public static void recordRefresh(DSLContext dsl, String view) {
        dsl.insertInto(VIEW_REFRESH)
                .set(VIEW_REFRESH.VIEW_NAME, view)
                .set(VIEW_REFRESH.REFRESHED_AT, DSL.currentInstant())
                .onConflict(VIEW_REFRESH.VIEW_NAME)
                .doUpdate()
                .set(VIEW_REFRESH.REFRESHED_AT, DSL.excluded(VIEW_REFRESH.REFRESHED_AT))
                .execute();
    }

    public static Refresh of(DSLContext dsl, String view) {
        Boolean populated = dsl.resultQuery("select relispopulated from pg_catalog.pg_class where oid = to_regclass(?)",
                "vigil." + view).fetchOne(0, Boolean.class);
        Instant refreshedAt = dsl.select(VIEW_REFRESH.REFRESHED_AT).from(VIEW_REFRESH)
                .where(VIEW_REFRESH.VIEW_NAME.eq(view))
                .fetchOne(VIEW_REFRESH.REFRESHED_AT);
        return new Refresh(Boolean.TRUE.equals(populated), refreshedAt);
    }
}
