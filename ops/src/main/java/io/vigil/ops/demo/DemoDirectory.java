package io.vigil.ops.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the demo keeps everything it leaves: its embedded PostgreSQL's data, its emails, and its
 * configuration in {@code config/application.properties}. Spring Boot reads {@code ./config/application.*}
 * from the directory a command runs in, so plain {@code vigil} commands run from here find the demo's
 * database by themselves. The paths in the configuration are absolute, since the demo itself runs from
 * wherever it was started.
 */
final class DemoDirectory {

    private final Path path;

    private DemoDirectory(Path path) {
        this.path = path;
    }

    /** A new directory under the system's temporary directory. */
    static DemoDirectory create() {
        try {
            return new DemoDirectory(Files.createTempDirectory("vigil-demo-").toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the demo's directory under "
                    + System.getProperty("java.io.tmpdir") + ": check that it is writable", e);
        }
    }

    Path path() {
        return path;
    }

    Path configuration() {
        return path.resolve("config").resolve("application.properties");
    }

    Path data() {
        return path.resolve("data");
    }

    Path outbox() {
        return path.resolve("outbox");
    }

    /** How the demo's own context, which does not run from this directory, reads the same configuration. */
    String configurationOption() {
        return "--spring.config.additional-location=file:" + configuration();
    }

    /** Writes the configuration: the demo's database, then {@code more} (the fleet, the alerting). */
    void writeConfiguration(List<String> more) {
        List<String> lines = new ArrayList<>();
        lines.add("# Written by vigil demo. vigil commands run from " + path + " read it by themselves.");
        lines.add("# The demo's own embedded PostgreSQL, whatever VIGIL_DB_URL says:");
        lines.add("spring.datasource.url=");
        lines.add("vigil.database.data-dir=" + data());
        lines.addAll(more);
        try {
            Files.createDirectories(configuration().getParent());
            Files.write(configuration(), lines);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the demo's configuration " + configuration(), e);
        }
    }

    /** The bytes of every file in the directory. */
    long size() {
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(DemoDirectory::size).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("could not measure the demo's directory " + path, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not measure " + file, e);
        }
    }
}
