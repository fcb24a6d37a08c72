package io.vigil.testing;

import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;

/** A migrated database of its own, on the JVM's embedded PostgreSQL. */
public record TestDatabase(String name, String url, String user, int port) {

    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user);
        return dataSource;
    }

    public DSLContext dsl() {
        return DSL.using(dataSource(), SQLDialect.POSTGRES);
    }
}
