package dev.buildrunner.plan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The plan package depends only on spec (BRIEF.md: data flows spec -> plan -> store), the JDK and jgrapht. */
class PlanArchitectureTest {

    private final JavaClasses plan = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/") /* any br.buildDir */)
            .importPackages("dev.buildrunner.plan");

    @Test
    void planDependsOnlyOnSpecTheJdkAndJgrapht() {
        classes().that().resideInAPackage("dev.buildrunner.plan..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.buildrunner.plan..", "dev.buildrunner.spec..", "java..", "org.jgrapht..")
                .check(plan);
    }
}
