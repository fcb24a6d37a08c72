package io.vigil.health.fleet;

import static io.vigil.db.jooq.Tables.MONITORED_CONNECTION;

import io.vigil.database.DeclaredRows;
import io.vigil.health.probe.Addresses;
import io.vigil.health.probe.Provider;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
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
public class FleetSync {

    private static final Logger log = LoggerFactory.getLogger(FleetSync.class);

    private final DSLContext dsl;
    private final SecretResolver secrets;
    private final Clock clock;

    public FleetSync(DSLContext dsl, SecretResolver secrets, Clock clock) {
        this.dsl = dsl;
        this.secrets = secrets;
        this.clock = clock;
    }

    public FleetSyncReport sync(List<ConnectionDeclaration> declared) {
        Map<String, String> invalid = new LinkedHashMap<>();
        List<ConnectionDeclaration> valid = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < declared.size(); i++) {
            ConnectionDeclaration declaration = declared.get(i);
            String label = isBlank(declaration.name()) ? "vigil.fleet.connections[" + i + "]" : declaration.name();
            try {
                validate(declaration, names);
                valid.add(declaration);
            } catch (IllegalArgumentException e) {
                invalid.put(label, e.getMessage());
                log.error("Fleet connection {} is not monitored: {}", label, e.getMessage());
            }
            if (!isBlank(declaration.name())) {
                names.add(declaration.name());
            }
        }
        List<String> disabled = dsl.transactionResult(tx -> {
            Instant now = clock.instant();
            for (ConnectionDeclaration declaration : valid) {
                upsert(tx.dsl(), declaration, now);
            }
            return tx.dsl().update(MONITORED_CONNECTION)
                    .set(MONITORED_CONNECTION.ENABLED, false)
                    .set(MONITORED_CONNECTION.UPDATED_AT, now)
                    .where(MONITORED_CONNECTION.ENABLED.isTrue())
                    .and(names.isEmpty() ? org.jooq.impl.DSL.trueCondition() : MONITORED_CONNECTION.NAME.notIn(names))
                    .returning(MONITORED_CONNECTION.NAME)
                    .fetch(MONITORED_CONNECTION.NAME);
        });
        disabled.forEach(name -> log.info("Fleet connection {} is no longer declared: disabled, its history kept", name));
        warnAboutMissingSecrets(valid);
        return new FleetSyncReport(valid.stream().map(ConnectionDeclaration::name).toList(), invalid, disabled);
    }

    private static void validate(ConnectionDeclaration declaration, Set<String> seen) {
        if (isBlank(declaration.name())) {
            throw new IllegalArgumentException("name is missing: give every connection a unique name");
        }
        if (seen.contains(declaration.name())) {
            throw new IllegalArgumentException("name '" + declaration.name() + "' is declared twice: names must be unique");
        }
        Provider provider = Provider.parse(declaration.provider());
        if (isBlank(declaration.address())) {
            throw new IllegalArgumentException("address is missing");
        }
        Addresses.validate(provider, declaration.address());
        if (declaration.timeout().isNegative() || declaration.timeout().isZero()) {
            throw new IllegalArgumentException("timeout must be positive, for example 5s");
        }
        if (declaration.latencySlo().isNegative() || declaration.latencySlo().isZero()) {
            throw new IllegalArgumentException("latency-slo must be positive, for example 500ms");
        }
        if (!isBlank(declaration.passwordEnv()) && !declaration.passwordEnv().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("password-env must name an environment variable (letters, digits, _), "
                    + "not hold the password itself");
        }
    }

    private static void upsert(DSLContext dsl, ConnectionDeclaration d, Instant now) {
        Map<Field<?>, Object> declared = new LinkedHashMap<>();
        declared.put(MONITORED_CONNECTION.PROVIDER, Provider.parse(d.provider()).name());
        declared.put(MONITORED_CONNECTION.ADDRESS, d.address());
        declared.put(MONITORED_CONNECTION.USERNAME, d.username());
        declared.put(MONITORED_CONNECTION.CREDENTIALS_REF, d.passwordEnv());
        declared.put(MONITORED_CONNECTION.TIMEOUT_MS, Math.toIntExact(d.timeout().toMillis()));
        declared.put(MONITORED_CONNECTION.LATENCY_SLO_MS, Math.toIntExact(d.latencySlo().toMillis()));
        declared.put(MONITORED_CONNECTION.TAGS, d.tags().toArray(String[]::new));
        declared.put(MONITORED_CONNECTION.ENABLED, d.enabled());
        declared.put(MONITORED_CONNECTION.UPDATED_AT, now);
        DeclaredRows.upsert(dsl, MONITORED_CONNECTION, MONITORED_CONNECTION.NAME, d.name(), MONITORED_CONNECTION.CREATED_AT, now, declared);
    }

    private void warnAboutMissingSecrets(List<ConnectionDeclaration> declarations) {
        for (ConnectionDeclaration d : declarations) {
            if (!isBlank(d.passwordEnv()) && secrets.lookup(d.passwordEnv()).isEmpty()) {
                log.warn("Fleet connection {}: environment variable {} is not set in this process; its checks will "
                        + "report DOWN until it is exported", d.name(), d.passwordEnv());
            }
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
