package dev.buildrunner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps data flowing one way (BRIEF.md, issue 3): {@code spec} depends on nothing of ours,
 * {@code plan} only on {@code spec}, {@code store} on both, {@code sync} on those three, and the
 * interfaces ({@code cli}, later {@code web}) on top. Runs ArchUnit's core API from a plain JUnit
 * test, so it does not depend on ArchUnit's JUnit engine.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.buildrunner");
    }

    @Test
    void layersOnlyDependDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("spec").definedBy("dev.buildrunner.spec..")
                .layer("plan").definedBy("dev.buildrunner.plan..")
                .layer("store").definedBy("dev.buildrunner.store..")
                .layer("sync").definedBy("dev.buildrunner.sync..")
                .layer("interfaces").definedBy("dev.buildrunner.cli..", "dev.buildrunner.web..")
                .whereLayer("interfaces").mayNotBeAccessedByAnyLayer()
                .whereLayer("sync").mayOnlyBeAccessedByLayers("interfaces")
                .whereLayer("store").mayOnlyBeAccessedByLayers("sync", "interfaces")
                .whereLayer("plan").mayOnlyBeAccessedByLayers("store", "sync", "interfaces")
                .whereLayer("spec").mayOnlyBeAccessedByLayers("plan", "store", "sync", "interfaces")
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
    void specDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("dev.buildrunner.spec..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.buildrunner.plan..", "dev.buildrunner.store..",
                        "dev.buildrunner.sync..", "dev.buildrunner.cli..", "dev.buildrunner.web..")
                .check(classes);
    }
}
