package io.vigil.health.fleet;

import java.util.List;
import java.util.Map;

/**
 * @param synced   names of the connections now in the table as declared
 * @param invalid  connection name (or position) → what is wrong and how to fix it; these were not synced
 * @param disabled names of connections no longer declared, now disabled (their history is kept)
 */
public record FleetSyncReport(List<String> synced, Map<String, String> invalid, List<String> disabled) {
}
