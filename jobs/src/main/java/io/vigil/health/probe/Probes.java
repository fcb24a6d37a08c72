package io.vigil.health.probe;

import java.util.EnumMap;
import java.util.Map;

/** The probe for each provider. */
public final class Probes {

    private final Map<Provider, Probe> byProvider;

    private Probes(Map<Provider, Probe> byProvider) {
        this.byProvider = byProvider;
    }

    /** The real probes, one per provider. */
    public static Probes defaults() {
        return of(new PostgresProbe(), new MysqlProbe(), new RedisProbe(), new HttpProbe());
    }

    /** A registry of the given probes, at most one per provider (tests pass stand-ins here). */
    public static Probes of(Probe... probes) {
        Map<Provider, Probe> byProvider = new EnumMap<>(Provider.class);
        for (Probe probe : probes) {
            if (byProvider.putIfAbsent(probe.provider(), probe) != null) {
                throw new IllegalArgumentException("two probes for provider " + probe.provider());
            }
        }
        return new Probes(byProvider);
    }

    public Probe forProvider(Provider provider) {
        Probe probe = byProvider.get(provider);
        if (probe == null) {
            throw new IllegalArgumentException("no probe for provider " + provider);
        }
        return probe;
    }
}
