package io.vigil.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The production classes of the jobs module follow {@link Architecture}. */
@AnalyzeClasses(packages = "io.vigil", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule everyPackageIsListed = Architecture.everyPackageIsListed();

    @ArchTest
    static final ArchRule packagesDependOnlyOnWhatTheyAllow = Architecture.packagesDependOnlyOnWhatTheyAllow();

    @ArchTest
    static final ArchRule plainPackagesKnowNoFramework = Architecture.plainPackagesKnowNoFramework();

    @ArchTest
    static final ArchRule onlyTheSchedulingBridgeKnowsQuartz = Architecture.onlyTheSchedulingBridgeKnowsQuartz();

    @ArchTest
    static final ArchRule rawJdbcOnlyInProbes = Architecture.rawJdbcOnlyInProbes();

    @ArchTest
    static final ArchRule noCyclesBetweenFamilies = Architecture.noCyclesBetweenFamilies();
}
