package io.vigil.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.vigil.alert.evaluation.EngineThatKnowsSpring;
import io.vigil.alert.evaluation.EngineThatReachesUp;
import io.vigil.health.HealthThatSchedules;
import io.vigil.mail.MailThatKnowsAlerts;
import io.vigil.mail.Outbox;
import io.vigil.unlisted.UnlistedFamily;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link Architecture} fail where they should: each fixture class (in the test sources,
 * in the package it pretends to belong to) holds one deliberately misplaced dependency.
 */
class ArchitectureRulesTest {

    @Test
    void aFeatureThatUsesAFeatureItMayNotFails() {
        List<String> violations = violations(Architecture.packagesDependOnlyOnWhatTheyAllow(), MailThatKnowsAlerts.class);

        assertThat(violations).isNotEmpty().allSatisfy(violation -> assertThat(violation)
                .contains("io.vigil.mail.MailThatKnowsAlerts").contains("io.vigil.alert.AlertQueries")
                .contains("io.vigil.mail may use io.vigil.db, io.vigil.mail.delivery, io.vigil.runs, not io.vigil.alert"));
    }

    @Test
    void aSubPackageThatReachesBackUpToItsFamilyFails() {
        assertThat(violations(Architecture.packagesDependOnlyOnWhatTheyAllow(), EngineThatReachesUp.class))
                .isNotEmpty().allSatisfy(violation -> assertThat(violation)
                        .contains("io.vigil.alert.evaluation may use io.vigil.alert.rule, not io.vigil.alert"));
    }

    @Test
    void aPackageThatIsNotListedFails() {
        assertThat(violations(Architecture.everyPackageIsListed(), UnlistedFamily.class)).containsExactly(
                "io.vigil.unlisted.UnlistedFamily is in io.vigil.unlisted, which Architecture.ALLOWED does not list: "
                        + "add the package with what it may depend on");
    }

    @Test
    void springInAPlainPackageFails() {
        assertThat(violations(Architecture.plainPackagesKnowNoFramework(), EngineThatKnowsSpring.class))
                .anySatisfy(violation -> assertThat(violation).contains("org.springframework.context.ApplicationContext"));
    }

    @Test
    void quartzOutsideTheSchedulingBridgeFails() {
        assertThat(violations(Architecture.onlyTheSchedulingBridgeKnowsQuartz(), HealthThatSchedules.class))
                .anySatisfy(violation -> assertThat(violation).contains("org.quartz.Scheduler"));
    }

    @Test
    void aClassThatKeepsToItsPackagesPasses() {
        JavaClasses outbox = new ClassFileImporter().importClasses(Outbox.class);

        for (ArchRule rule : List.of(Architecture.everyPackageIsListed(), Architecture.packagesDependOnlyOnWhatTheyAllow(),
                Architecture.plainPackagesKnowNoFramework(), Architecture.onlyTheSchedulingBridgeKnowsQuartz())) {
            assertThat(rule.allowEmptyShould(true).evaluate(outbox).hasViolation()).as(rule.getDescription()).isFalse();
        }
    }

    private static List<String> violations(ArchRule rule, Class<?> fixture) {
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(fixture));
        return result.getFailureReport().getDetails();
    }
}
