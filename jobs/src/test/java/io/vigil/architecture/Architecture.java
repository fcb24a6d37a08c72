package io.vigil.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The jobs module's packages and what each may depend on, written down so that the architecture cannot
 * rot silently. A package not in the table fails the build: a new job family starts by saying where it
 * sits. Within a family the root package wires and persists, its sub-packages serve it and never reach
 * back up; the packages marked plain hold the decisions (statistics, state machines, rendering, parsing)
 * and know neither Spring, nor jOOQ, nor the generated tables, so that they are tested without either.
 *
 * <pre>
 * schedule ──▶ runs ──▶ db (generated)          runs: the contracts every job family plugs into
 * query ──▶ runs, database                       every family's QueryProvider on one direct connection
 * health, rollup, mail, retention ──▶ runs, database     the job families; none knows another, but
 * alert ──▶ mail, runs                                    alert, which writes mail's outbox
 * event ──▶ runs, database, db                            the importer and the summary (no job of its own yet)
 * secret, time: plain, shared by health and mail
 * </pre>
 */
public final class Architecture {

    /** Each package (with its sub-packages unless they are listed too) and what it may use besides itself. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("io.vigil", Set.of()),
            Map.entry("io.vigil.db", Set.of()),
            // The jOOQ generator, compiled and run at build time; its classes are on the classpath of a reactor build.
            Map.entry("io.vigil.codegen", Set.of()),
            Map.entry("io.vigil.secret", Set.of()),
            Map.entry("io.vigil.time", Set.of()),
            Map.entry("io.vigil.database", Set.of("io.vigil.db")),
            Map.entry("io.vigil.runs", Set.of("io.vigil.db")),
            Map.entry("io.vigil.schedule", Set.of("io.vigil.runs", "io.vigil.db")),
            // The read side of every family on one direct connection, for the commands that only read.
            Map.entry("io.vigil.query", Set.of("io.vigil.runs", "io.vigil.database")),
            Map.entry("io.vigil.health", Set.of("io.vigil.health.probe", "io.vigil.health.circuit",
                    "io.vigil.health.status", "io.vigil.health.fleet", "io.vigil.health.rates", "io.vigil.runs",
                    "io.vigil.database", "io.vigil.db")),
            Map.entry("io.vigil.health.probe", Set.of("io.vigil.secret")),
            Map.entry("io.vigil.health.circuit", Set.of("io.vigil.time")),
            Map.entry("io.vigil.health.rates", Set.of("io.vigil.health.probe")),
            Map.entry("io.vigil.health.status", Set.of("io.vigil.health.probe")),
            Map.entry("io.vigil.health.fleet", Set.of("io.vigil.health.probe", "io.vigil.runs", "io.vigil.database",
                    "io.vigil.db")),
            Map.entry("io.vigil.rollup", Set.of("io.vigil.runs", "io.vigil.database", "io.vigil.db")),
            Map.entry("io.vigil.event", Set.of("io.vigil.event.parse", "io.vigil.runs", "io.vigil.database", "io.vigil.db")),
            Map.entry("io.vigil.event.parse", Set.of()),
            Map.entry("io.vigil.mail", Set.of("io.vigil.mail.delivery", "io.vigil.runs", "io.vigil.db")),
            Map.entry("io.vigil.mail.delivery", Set.of("io.vigil.secret", "io.vigil.time")),
            Map.entry("io.vigil.alert", Set.of("io.vigil.alert.rule", "io.vigil.alert.evaluation",
                    "io.vigil.alert.notification", "io.vigil.alert.silence", "io.vigil.mail", "io.vigil.runs",
                    "io.vigil.db")),
            Map.entry("io.vigil.alert.rule", Set.of("io.vigil.runs", "io.vigil.db")),
            Map.entry("io.vigil.alert.evaluation", Set.of("io.vigil.alert.rule")),
            Map.entry("io.vigil.alert.notification", Set.of("io.vigil.alert.evaluation", "io.vigil.alert.rule")),
            Map.entry("io.vigil.alert.silence", Set.of("io.vigil.db")),
            Map.entry("io.vigil.retention", Set.of("io.vigil.runs", "io.vigil.database")));

    /** The packages of plain Java: no Spring, no jOOQ, no generated tables. */
    static final Set<String> PLAIN = Set.of("io.vigil.secret", "io.vigil.time", "io.vigil.health.probe",
            "io.vigil.health.circuit", "io.vigil.health.rates", "io.vigil.health.status", "io.vigil.event.parse",
            "io.vigil.mail.delivery", "io.vigil.alert.evaluation", "io.vigil.alert.notification");

    private Architecture() {
    }

    /** Every class is in a package of the table; the root package only for the application itself. */
    public static ArchRule everyPackageIsListed() {
        return classes().that().resideInAPackage("io.vigil..").should(new ArchCondition<>("be in a package listed "
                + "in " + Architecture.class.getSimpleName() + ".ALLOWED") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                if (unitOf(javaClass).isEmpty()) {
                    events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " is in "
                            + javaClass.getPackageName() + ", which " + Architecture.class.getSimpleName()
                            + ".ALLOWED does not list: add the package with what it may depend on"));
                }
            }
        });
    }

    /** Every dependency on another Vigil package is one its package's entry allows. */
    public static ArchRule packagesDependOnlyOnWhatTheyAllow() {
        return classes().that().resideInAPackage("io.vigil..").should(new ArchCondition<>("depend only on the "
                + "Vigil packages their own package is allowed to use") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Optional<String> unit = unitOf(javaClass);
                if (unit.isEmpty()) {
                    return;
                }
                for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    Optional<String> targetUnit = unitOf(target);
                    if (targetUnit.isEmpty() || targetUnit.equals(unit)
                            || ALLOWED.get(unit.get()).contains(targetUnit.get())) {
                        continue;
                    }
                    events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription() + ": "
                            + unit.get() + " may use " + allowedText(unit.get()) + ", not " + targetUnit.get()));
                }
            }
        });
    }

    public static ArchRule plainPackagesKnowNoFramework() {
        return noClasses().that().resideInAnyPackage(PLAIN.stream().map(p -> p + "..").toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jooq..", "io.vigil.db..")
                .because("decisions, statistics and rendering are tested without Spring or a database");
    }

    public static ArchRule onlyTheSchedulingBridgeKnowsQuartz() {
        return noClasses().that().resideInAPackage("io.vigil..").and().resideOutsideOfPackage("io.vigil.schedule..")
                .should().dependOnClassesThat().resideInAPackage("org.quartz..")
                .because("the jobs run from Quartz, a manual launch and a restart alike");
    }

    /** Vigil's own SQL goes through jOOQ with bind values; raw JDBC is only for probing monitored targets. */
    public static ArchRule rawJdbcOnlyInProbes() {
        return noClasses().that().resideInAPackage("io.vigil..").and().resideOutsideOfPackage("io.vigil.health.probe..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.sql.Statement")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.PreparedStatement")
                .orShould().dependOnClassesThat().resideInAPackage("org.springframework.jdbc.core..");
    }

    public static ArchRule noCyclesBetweenFamilies() {
        return slices().matching("io.vigil.(*)..").should().beFreeOfCycles();
    }

    /** The most specific listed package that holds the class; the root package holds only its own classes. */
    static Optional<String> unitOf(JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        if (!pkg.equals("io.vigil") && !pkg.startsWith("io.vigil.")) {
            return Optional.empty();
        }
        return ALLOWED.keySet().stream()
                .filter(unit -> pkg.equals(unit) || !unit.equals("io.vigil") && pkg.startsWith(unit + "."))
                .max(Comparator.comparingInt(String::length));
    }

    private static String allowedText(String unit) {
        TreeSet<String> allowed = new TreeSet<>(ALLOWED.get(unit));
        return allowed.isEmpty() ? "no other Vigil package" : String.join(", ", allowed);
    }
}
