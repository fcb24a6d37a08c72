package io.vigil.schedule;

import io.vigil.runs.DeclaredSync;
import io.vigil.runs.SyncReport;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every job family's declared rows, synced when the daemon starts, in their declared order: rows that
 * others name (connections) before those that name them (alert rules).
 */
public class StartupSyncs {

    private static final Logger log = LoggerFactory.getLogger(StartupSyncs.class);

    private final List<DeclaredSync> syncs;

    public StartupSyncs(List<DeclaredSync> syncs) {
        this.syncs = syncs.stream().sorted(Comparator.comparingInt(DeclaredSync::order)).toList();
    }

    /** Each sync's report, by name, in the order they ran. */
    public Map<String, SyncReport> syncAll() {
        Map<String, SyncReport> reports = new LinkedHashMap<>();
        for (DeclaredSync sync : syncs) {
            SyncReport report = sync.sync();
            log.info("Synced {}: {} declared, {} invalid, {} disabled", sync.name(), report.synced().size(),
                    report.invalid().size(), report.disabled().size());
            reports.put(sync.name(), report);
        }
        return reports;
    }
}
