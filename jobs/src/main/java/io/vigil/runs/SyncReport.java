package io.vigil.runs;

import java.util.List;
import java.util.Map;

/**
 * What a {@link DeclaredSync} did.
 *
 * @param synced   names of the rows now in the table as declared
 * @param invalid  name (or position, for a declaration without one) → what is wrong and how to fix it;
 *                 not synced, and a row of that name keeps what it was
 * @param disabled names of rows no longer declared, now disabled (their history is kept)
 */
public record SyncReport(List<String> synced, Map<String, String> invalid, List<String> disabled) {

    public SyncReport {
        synced = List.copyOf(synced);
        invalid = Map.copyOf(invalid);
        disabled = List.copyOf(disabled);
    }
}
