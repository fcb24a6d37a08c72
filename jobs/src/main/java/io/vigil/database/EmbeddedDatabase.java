package io.vigil.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vigil's own PostgreSQL when no database URL is configured: a real server shipped inside a Maven
 * artifact, with its data in a directory that is kept between runs. A second process on the same
 * directory (the {@code vigil} command line while the daemon runs) attaches to the running server
 * instead of starting another, which PostgreSQL would refuse anyway.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres owned;
    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres owned, int port) {
        this.owned = owned;
        this.port = port;
    }

    public static EmbeddedDatabase startOrAttach(Path dataDirectory) {
        Optional<Integer> running = runningServerPort(dataDirectory);
        if (running.isPresent()) {
            log.info("Using the embedded PostgreSQL already running on port {} with data in {}", running.get(),
                    dataDirectory.toAbsolutePath());
            return new EmbeddedDatabase(null, running.get());
        }
        boolean created = !Files.exists(dataDirectory.resolve("PG_VERSION"));
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // Spring stops the server last, after everything using it has closed; zonky's own JVM
                    // hook would stop it in the middle of that and fail the graceful shutdown.
                    .setRegisterShutdownHook(false)
                    .start();
            if (created) {
                // Said louder than a start: a command run in the wrong directory would otherwise answer
                // "no runs" from a database nobody meant to create.
                log.warn("No database is configured (spring.datasource.url or VIGIL_DB_URL): created an empty embedded "
                        + "PostgreSQL in {}", dataDirectory.toAbsolutePath());
            } else {
                log.info("No database URL configured (spring.datasource.url or VIGIL_DB_URL): started embedded "
                        + "PostgreSQL on port {} with data in {}", postgres.getPort(), dataDirectory.toAbsolutePath());
            }
            return new EmbeddedDatabase(postgres, postgres.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDirectory.toAbsolutePath()
                    + ": check that the directory is writable, or set VIGIL_DB_URL to use another database", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    public int port() {
        return port;
    }

    /**
     * PostgreSQL writes its pid and port into postmaster.pid (lines 1 and 4) while it runs; a stale file
     * left by a crash names a pid that is gone.
     */
    static Optional<Integer> runningServerPort(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not shut down cleanly: {}", e.getMessage());
            }
        }
    }
}
