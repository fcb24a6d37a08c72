package io.vigil.health.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a result set captured as text (see the comment at the top of each file): {@code #} comment lines,
 * a tab-separated header of column labels, one line per row, {@code \N} for SQL NULL.
 */
final class CapturedRows {

    static List<Map<String, String>> read(String resource) {
        try (InputStream in = CapturedRows.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#")).toList();
            String[] header = lines.getFirst().split("\t", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] values = line.split("\t", -1);
                if (values.length != header.length) {
                    throw new IllegalStateException(resource + ": " + values.length + " values for " + header.length + " columns");
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], values[i].equals("\\N") ? null : values[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CapturedRows() {
    }
}
