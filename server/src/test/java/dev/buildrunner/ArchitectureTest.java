package dev.buildrunner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps data flowing one way (BRIEF.md, issues 3 and 4): {@code spec} depends on nothing of
 * ours, {@code plan} only on {@code spec}, {@code store} on both, {@code sync} on those three;
 * {@code analysis} (gaps, quality, drift) only on {@code spec}; {@code forge} (webhooks in, statuses out) on nothing of ours; {@code pipeline} on all of them;
 * the interfaces ({@code cli}, {@code web}, their shared {@code view}) on top. Runs ArchUnit's core API from a plain JUnit
 * test, so it does not depend on ArchUnit's JUnit engine.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                // ArchUnit's DO_NOT_INCLUDE_TESTS knows only target/test-classes; -Dbr.buildDir moves it
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("dev.buildrunner");
    }

    @Test
    void layersOnlyDependDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("spec").definedBy("dev.buildrunner.spec..")
                .layer("plan").definedBy("dev.buildrunner.plan..")
                .layer("store").definedBy("dev.buildrunner.store..")
                .layer("sync").definedBy("dev.buildrunner.sync..")
                .layer("analysis").definedBy("dev.buildrunner.analysis..")
                .layer("forge").definedBy("dev.buildrunner.forge..")
                .layer("pipeline").definedBy("dev.buildrunner.pipeline..")
                .layer("interfaces").definedBy("dev.buildrunner.cli..", "dev.buildrunner.web..", "dev.buildrunner.view..")
                .whereLayer("interfaces").mayNotBeAccessedByAnyLayer()
                .whereLayer("pipeline").mayOnlyBeAccessedByLayers("interfaces")
                .whereLayer("forge").mayOnlyBeAccessedByLayers("pipeline", "interfaces")
                .whereLayer("analysis").mayOnlyBeAccessedByLayers("pipeline", "interfaces")
                .whereLayer("sync").mayOnlyBeAccessedByLayers("pipeline", "interfaces")
                .whereLayer("store").mayOnlyBeAccessedByLayers("sync", "pipeline", "interfaces")
                .whereLayer("plan").mayOnlyBeAccessedByLayers("store", "sync", "pipeline", "interfaces")
                .whereLayer("spec").mayOnlyBeAccessedByLayers("plan", "store", "sync", "analysis", "pipeline", "interfaces")
                .withOptionalLayers(true)
                .check(classes);
    }

    @Test
    void specAndPlanKnowNothingOfGitOrIo() {
        noClasses().that().resideInAnyPackage("dev.buildrunner.spec..", "dev.buildrunner.plan..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jgit..", "picocli..", "io.javalin..")
                .check(classes);
    }

    @Test
    void supportDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("dev.buildrunner.support..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.buildrunner.support..", "java..")
                .check(classes);
    }

    @Test
    void forgeDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("dev.buildrunner.forge..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.buildrunner.spec..", "dev.buildrunner.plan..",
                        "dev.buildrunner.store..", "dev.buildrunner.sync..", "dev.buildrunner.pipeline..",
                        "dev.buildrunner.cli..", "dev.buildrunner.web..", "dev.buildrunner.view..")
                .check(classes);
    }

    @Test
    void analysisReadsOnlyTheSpec() {
        noClasses().that().resideInAPackage("dev.buildrunner.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.buildrunner.plan..", "dev.buildrunner.store..",
                        "dev.buildrunner.sync..", "dev.buildrunner.forge..", "dev.buildrunner.pipeline..",
                        "dev.buildrunner.cli..", "dev.buildrunner.web..", "dev.buildrunner.view..")
                .check(classes);
    }

    @Test
    void specDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("dev.buildrunner.spec..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.buildrunner.plan..", "dev.buildrunner.store..",
                        "dev.buildrunner.sync..", "dev.buildrunner.cli..", "dev.buildrunner.web..")
                .check(classes);
    }
}
