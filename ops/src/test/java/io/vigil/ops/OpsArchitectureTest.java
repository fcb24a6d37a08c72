package io.vigil.ops;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.vigil.ops.fixture.FleetStraightFromTheDatabase;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * What the command line may depend on, written down so it cannot rot silently.
 *
 * <pre>
 * io.vigil.ops        the commands ──▶ the jobs module's query and service classes (FleetQueries, Silences,
 *                                      RunQueries, ...), never its repositories, jOOQ or the generated classes
 * io.vigil.ops.demo   the demo ──▶ the helpers of io.vigil.ops (SpringVigilContext, Table, ListTables,
 *                                  ExecutionReport, ...), not its commands; registered by VigilCli, known to no
 *                                  other class there
 * </pre>
 *
 * The commands stay clear of the database's shape so that a change to how a feature stores its state
 * stays inside the jobs module.
 */
@AnalyzeClasses(packages = "io.vigil.ops", importOptions = ImportOption.DoNotIncludeTests.class)
class OpsArchitectureTest {

    // Nested types count too: a result type declared inside a repository ties its callers to it all the same.
    // Spring Batch's JobRepository, which vigil jobs restart asks for the latest run of a slot, is not the jobs
    // module's.
    private static final DescribedPredicate<JavaClass> JOBS_REPOSITORIES = resideInAPackage("io.vigil..")
            .and(resideOutsideOfPackage("io.vigil.ops.."))
            .and(nameMatching(".*Repository(\\$.*)?"))
            .as("are repositories of the jobs module, or nested in one");

    @ArchTest
    static final ArchRule noRepositories = noClasses().that().resideInAPackage("io.vigil.ops..")
            .should().dependOnClassesThat(JOBS_REPOSITORIES);

    @ArchTest
    static final ArchRule noGeneratedClasses = noClasses().that().resideInAPackage("io.vigil.ops..")
            .should().dependOnClassesThat().resideInAPackage("io.vigil.db..");

    /** The demo generates its history and reads the materialised views in SQL, on a database of its own. */
    @ArchTest
    static final ArchRule onlyTheDemoUsesJooq = noClasses()
            .that().resideInAPackage("io.vigil.ops..").and().resideOutsideOfPackage("io.vigil.ops.demo..")
            .should().dependOnClassesThat().resideInAPackage("org.jooq..");

    @ArchTest
    static final ArchRule onlyTheRootKnowsTheDemo = noClasses()
            .that().resideInAPackage("io.vigil.ops").and().doNotBelongToAnyOf(VigilCli.class)
            .should().dependOnClassesThat().resideInAPackage("io.vigil.ops.demo..");

    @ArchTest
    static final ArchRule theDemoUsesTheCommandsOutputNotTheCommands = noClasses()
            .that().resideInAPackage("io.vigil.ops.demo..")
            .should().dependOnClassesThat(resideInAPackage("io.vigil.ops").and(annotatedWith(Command.class))
                    .as("are commands of io.vigil.ops"));

    @Test
    void theDatabaseRulesCatchACommandThatReadsARepositoryThroughJooq() {
        JavaClasses fixture = new ClassFileImporter().importClasses(FleetStraightFromTheDatabase.class);

        EvaluationResult repositories = noRepositories.evaluate(fixture);
        assertThat(repositories.hasViolation()).isTrue();
        assertThat(repositories.getFailureReport().getDetails()).anySatisfy(violation ->
                assertThat(violation).contains("io.vigil.health.fleet.FleetRepository"));
        assertThat(onlyTheDemoUsesJooq.evaluate(fixture).hasViolation()).isTrue();
    }

    @Test
    void theProductionClassesPassTheDatabaseRules() {
        JavaClasses production = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("io.vigil.ops");

        assertThat(production.contain(SilenceCommand.class)).as("the commands were imported").isTrue();
        assertThat(production.contain(FleetStraightFromTheDatabase.class)).as("the fixture was not").isFalse();
        assertThat(noRepositories.evaluate(production).getFailureReport().getDetails()).isEmpty();
        assertThat(onlyTheDemoUsesJooq.evaluate(production).getFailureReport().getDetails()).isEmpty();
    }
}
