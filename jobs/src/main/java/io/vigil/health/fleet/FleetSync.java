package io.vigil.health.fleet;

import static io.vigil.db.jooq.Tables.MONITORED_CONNECTION;

import io.vigil.db.jooq.tables.records.MonitoredConnectionRecord;
import io.vigil.health.probe.Addresses;
import io.vigil.health.probe.Provider;
import io.vigil.runs.DeclaredRows;
import io.vigil.runs.DeclaredSync;
import io.vigil.runs.SyncReport;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings {@code monitored_connection} in line with the declared fleet. A bad declaration is reported by
 * name with what to fix and skipped; it never stops the others from being synced and checked.
 */
public class FleetSync implements DeclaredSync {

    private static final Logger log = LoggerFactory.getLogger(FleetSync.class);
    static final String KEY = "vigil.fleet.connections";

    private final DeclaredRows<MonitoredConnectionRecord> rows;
    private final SecretResolver secrets;
    private final FleetProperties fleet;

    public FleetSync(DSLContext dsl, SecretResolver secrets, Clock clock, FleetProperties fleet) {
        this.rows = new DeclaredRows<>(dsl, clock, MONITORED_CONNECTION, MONITORED_CONNECTION.NAME,
                MONITORED_CONNECTION.ENABLED, MONITORED_CONNECTION.CREATED_AT, MONITORED_CONNECTION.UPDATED_AT);
        this.secrets = secrets;
        this.fleet = fleet;
    }

    @Override
    public String name() {
        return "fleet connections";
    }

    @Override
    public int order() {
        return 100;
    }

    /** The fleet as configured. */
    @Override
    public SyncReport sync() {
        return sync(fleet.connections());
    }

    public SyncReport sync(List<ConnectionDeclaration> declared) {
        SyncReport report = rows.sync(KEY, declared, ConnectionDeclaration::name, FleetSync::row, List.of());
        report.invalid().forEach((name, problem) -> log.error("Fleet connection {} is not monitored: {}", name, problem));
        report.disabled().forEach(name -> log.info("Fleet connection {} is no longer declared: disabled, its history kept", name));
        Set<String> synced = Set.copyOf(report.synced());
        declared.stream().filter(d -> synced.contains(d.name())).forEach(this::warnIfSecretMissing);
        return report;
    }

    private static DeclaredRows.Row row(ConnectionDeclaration d) {
        Provider provider = Provider.parse(d.provider());
        if (isBlank(d.address())) {
            throw new IllegalArgumentException("address is missing");
        }
        Addresses.validate(provider, d.address());
        if (d.timeout().isNegative() || d.timeout().isZero()) {
            throw new IllegalArgumentException("timeout must be positive, for example 5s");
        }
        if (d.latencySlo().isNegative() || d.latencySlo().isZero()) {
            throw new IllegalArgumentException("latency-slo must be positive, for example 500ms");
        }
        if (!isBlank(d.passwordEnv()) && !d.passwordEnv().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("password-env must name an environment variable (letters, digits, _), "
                    + "not hold the password itself");
        }
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(MONITORED_CONNECTION.PROVIDER, provider.name());
        columns.put(MONITORED_CONNECTION.ADDRESS, d.address());
        columns.put(MONITORED_CONNECTION.USERNAME, d.username());
        columns.put(MONITORED_CONNECTION.CREDENTIALS_REF, d.passwordEnv());
        columns.put(MONITORED_CONNECTION.TIMEOUT_MS, Math.toIntExact(d.timeout().toMillis()));
        columns.put(MONITORED_CONNECTION.LATENCY_SLO_MS, Math.toIntExact(d.latencySlo().toMillis()));
        columns.put(MONITORED_CONNECTION.TAGS, d.tags().toArray(String[]::new));
        columns.put(MONITORED_CONNECTION.ENABLED, d.enabled());
        return new DeclaredRows.Row(d.name(), columns);
    }

    private void warnIfSecretMissing(ConnectionDeclaration d) {
        if (!isBlank(d.passwordEnv()) && secrets.lookup(d.passwordEnv()).isEmpty()) {
            log.warn("Fleet connection {}: environment variable {} is not set in this process; its checks will "
                    + "report DOWN until it is exported", d.name(), d.passwordEnv());
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
