package io.vigil.health;

import static io.vigil.db.jooq.Tables.CIRCUIT_STATE;

import io.vigil.db.jooq.tables.records.CircuitStateRecord;
import io.vigil.health.circuit.Circuit;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;

/** Loads and saves circuits. A save for a slot older than the stored one is ignored (a re-run). */
public class CircuitRepository {

    private final DSLContext dsl;

    public CircuitRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Map<Long, Circuit> load(Collection<Long> connectionIds) {
        Map<Long, Circuit> circuits = new HashMap<>();
        dsl.selectFrom(CIRCUIT_STATE)
                .where(CIRCUIT_STATE.CONNECTION_ID.in(connectionIds))
                .forEach(r -> circuits.put(r.getConnectionId(), circuit(r)));
        return circuits;
    }

    /** Saves the circuit as of {@code slot}, unless a run for this or a later slot saved it already. */
    public Query save(long connectionId, Circuit circuit, Instant slot, Instant now) {
        Map<Field<?>, Object> state = new LinkedHashMap<>();
        state.put(CIRCUIT_STATE.STATE, circuit.state().name());
        state.put(CIRCUIT_STATE.CONSECUTIVE_FAILURES, circuit.consecutiveFailures());
        state.put(CIRCUIT_STATE.OPENED_AT, circuit.openedAt());
        state.put(CIRCUIT_STATE.NEXT_ATTEMPT_AT, circuit.nextAttemptAt());
        state.put(CIRCUIT_STATE.LAST_SLOT, slot);
        state.put(CIRCUIT_STATE.UPDATED_AT, now);
        return dsl.insertInto(CIRCUIT_STATE)
                .set(CIRCUIT_STATE.CONNECTION_ID, connectionId)
                .set(state)
                .onConflict(CIRCUIT_STATE.CONNECTION_ID)
                .doUpdate()
                .set(state)
                .where(CIRCUIT_STATE.LAST_SLOT.lt(slot));
    }

    /**
     * Closes the circuit, keeping the slot it was last saved for (a re-run of that slot must still not
     * count its failures again); returns it as it was, if it had ever failed.
     */
    public Optional<Circuit> close(long connectionId, Instant now) {
        return dsl.transactionResult(tx -> {
            Optional<Circuit> before = tx.dsl().selectFrom(CIRCUIT_STATE).where(CIRCUIT_STATE.CONNECTION_ID.eq(connectionId))
                    .forUpdate().fetchOptional().map(CircuitRepository::circuit);
            tx.dsl().update(CIRCUIT_STATE)
                    .set(CIRCUIT_STATE.STATE, Circuit.State.CLOSED.name())
                    .set(CIRCUIT_STATE.CONSECUTIVE_FAILURES, 0)
                    .setNull(CIRCUIT_STATE.OPENED_AT)
                    .setNull(CIRCUIT_STATE.NEXT_ATTEMPT_AT)
                    .set(CIRCUIT_STATE.UPDATED_AT, now)
                    .where(CIRCUIT_STATE.CONNECTION_ID.eq(connectionId))
                    .execute();
            return before;
        });
    }

    private static Circuit circuit(CircuitStateRecord r) {
        return new Circuit(Circuit.State.valueOf(r.getState()), r.getConsecutiveFailures(), r.getOpenedAt(),
                r.getNextAttemptAt());
    }
}
