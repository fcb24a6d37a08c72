package io.vigil.testing;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The PostgreSQL archive inside one zonky binaries jar that is not on the classpath. A record, because
 * zonky keeps the extracted binaries per resolver (by equals): the same jar is extracted once per JVM.
 */
record JarPgBinary(Path jar) implements PgBinaryResolver {

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        String entry = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + machineHardware + ".txz";
        ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar));
        List<String> seen = new ArrayList<>();
        try {
            for (ZipEntry next = zip.getNextEntry(); next != null; next = zip.getNextEntry()) {
                if (next.getName().equals(entry)) {
                    // Positioned at the entry: reading gives its bytes, closing closes the jar.
                    return zip;
                }
                seen.add(next.getName());
            }
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
        zip.close();
        throw new IOException(jar + " holds no " + entry + " (it holds " + seen
                + "): it is the binaries jar of another system; copy the linux-amd64 one");
    }
}
