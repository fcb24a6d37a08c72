package io.vigil;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package dependencies, written down so they cannot rot silently.
 *
 * <pre>
 * schedule ──▶ runs ──▶ database
 * health ──▶ database          (health knows nothing of scheduling or runs beyond the run listener)
 * health.probe, health.circuit, the classifier, the slot resolver: plain Java, no Spring, no jOOQ
 * rollup, retention ──▶ database, runs   (they read raw tables by their jOOQ classes, never health's code)
 * event ──▶ database                     (parsing and validation plain Java; only the loader knows jOOQ)
 * mail ──▶ database, runs                (no other feature: alerts write the outbox, mail only sends it;
 *                                         the retry policy and the message builder are plain Java)
 * alert ──▶ mail, runs, database         (health, rollup and retention take its step and listener by type
 *                                         and name, so they know nothing of it; mail knows nothing of alerts)
 * the alert decisions (conditions, state machine, grouping, subject, threading, rendering): plain Java
 * secret (the scrubber) and time.Backoff: plain Java, shared by health and mail, knowing no feature
 * </pre>
 */
@AnalyzeClasses(packages = "io.vigil", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("io.vigil.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule probesArePlainJava = noClasses().that().resideInAPackage("io.vigil.health.probe..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jooq..", "io.vigil.db..");

    @ArchTest
    static final ArchRule circuitPolicyIsPlainJava = noClasses().that().resideInAPackage("io.vigil.health.circuit..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..");

    @ArchTest
    static final ArchRule domainDecisionsArePlainJava = noClasses()
            .that().haveSimpleNameEndingWith("Classifier").or().haveSimpleNameEndingWith("Resolver")
            .or().haveSimpleName("ProbeFanOut").or().haveSimpleName("CircuitBreaker")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jooq..");

    @ArchTest
    static final ArchRule healthDoesNotKnowTheScheduler = noClasses().that().resideInAPackage("io.vigil.health..")
            .should().dependOnClassesThat().resideInAnyPackage("io.vigil.schedule..", "org.quartz..");

    @ArchTest
    static final ArchRule runsDoNotKnowTheJobs = noClasses().that().resideInAPackage("io.vigil.runs..")
            .should().dependOnClassesThat().resideInAnyPackage("io.vigil.schedule..", "io.vigil.health..");

    @ArchTest
    static final ArchRule databaseIsTheBottom = noClasses().that().resideInAPackage("io.vigil.database..")
            .should().dependOnClassesThat().resideInAnyPackage("io.vigil.schedule..", "io.vigil.health..", "io.vigil.runs..",
                    "io.vigil.rollup..", "io.vigil.retention..", "io.vigil.event..");

    @ArchTest
    static final ArchRule rollupsAndRetentionKnowNoOtherFeature = noClasses()
            .that().resideInAnyPackage("io.vigil.rollup..", "io.vigil.retention..", "io.vigil.event..")
            .should().dependOnClassesThat().resideInAnyPackage("io.vigil.health..", "io.vigil.schedule..", "org.quartz..");

    @ArchTest
    static final ArchRule rollupDomainIsPlainJava = noClasses()
            .that().haveSimpleName("FoldWindow").or().haveSimpleName("MonthlyPartition")
            .or().haveSimpleNameEndingWith("Parser").or().haveSimpleName("EventLine").or().haveSimpleName("EventValidator")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jooq..", "io.vigil.db..");

    @ArchTest
    static final ArchRule mailKnowsNoOtherFeature = noClasses().that().resideInAPackage("io.vigil.mail..")
            .should().dependOnClassesThat().resideInAnyPackage("io.vigil.health..", "io.vigil.rollup..",
                    "io.vigil.retention..", "io.vigil.event..", "io.vigil.schedule..", "io.vigil.alert..", "org.quartz..");

    @ArchTest
    static final ArchRule mailDomainIsPlainJava = noClasses()
            .that().haveSimpleName("RetryPolicy").or().haveSimpleName("MessageBuilder")
            .or().haveSimpleName("StableIdMimeMessage").or().haveSimpleName("FailureText")
            .or().haveSimpleName("OutboxDelivery").or().haveSimpleName("EmlDirectoryTransport")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jooq..", "io.vigil.db..");

    @ArchTest
    static final ArchRule jobsDoNotKnowTheAlerts = noClasses()
            .that().resideInAnyPackage("io.vigil.health..", "io.vigil.rollup..", "io.vigil.retention..", "io.vigil.mail..",
                    "io.vigil.runs..")
            .should().dependOnClassesThat().resideInAPackage("io.vigil.alert..");

    @ArchTest
    static final ArchRule alertsKnowNoJobFeature = noClasses().that().resideInAPackage("io.vigil.alert..")
            .should().dependOnClassesThat().resideInAnyPackage("io.vigil.health..", "io.vigil.rollup..",
                    "io.vigil.retention..", "io.vigil.schedule..", "org.quartz..");

    @ArchTest
    static final ArchRule alertDecisionsArePlainJava = noClasses()
            .that().haveNameMatching("io\\.vigil\\.alert\\.(evaluation|notification|rule|silence)\\."
                    + "(AlertStateMachine|AlertStatus|AlertRule|Conditions|Observations"
                    + "|ConnectionFacts|NoticeGroups|SubjectLine|Threading|AlertMailRenderer|NoticeView|AvailabilityStrip"
                    + "|RuleValidator|Silence|Percentiles|Commands)(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jooq..", "io.vigil.db..");

    @ArchTest
    static final ArchRule sharedPiecesArePlainJavaAndKnowNoFeature = noClasses()
            .that().resideInAPackage("io.vigil.secret..").or().haveFullyQualifiedName("io.vigil.time.Backoff")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jooq..", "io.vigil.db..",
                    "io.vigil.health..", "io.vigil.mail..", "io.vigil.alert..", "io.vigil.schedule..", "io.vigil.runs..");

    /** Vigil's own SQL goes through jOOQ with bind values; raw JDBC is only for probing monitored targets. */
    @ArchTest
    static final ArchRule rawJdbcOnlyInProbes = noClasses().that().resideOutsideOfPackage("io.vigil.health.probe..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.sql.Statement")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.PreparedStatement")
            .orShould().dependOnClassesThat().resideInAPackage("org.springframework.jdbc.core..");
}
