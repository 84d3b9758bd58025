package dev.buildrunner.forge.status;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * {@code forge.status} depends on nothing else of BuildRunner (issue 4 layering: it sits below
 * {@code pipeline} and {@code web}), and of libraries only on JGit, Jackson and slf4j.
 */
class StatusArchitectureTest {
    private final JavaClasses status = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/") /* any br.buildDir */)
            .importPackages("dev.buildrunner.forge.status");

    @Test
    void dependsOnlyOnTheJdkJGitJacksonAndSlf4j() {
        DescribedPredicate<JavaClass> allowed = DescribedPredicate.describe(
                "are in forge.status, support, the JDK, JGit, Jackson or slf4j",
                c -> c.getPackageName().startsWith("dev.buildrunner.forge.status")
                        || c.getPackageName().startsWith("dev.buildrunner.support")
                        || c.getPackageName().startsWith("java.")
                        || c.getPackageName().startsWith("org.eclipse.jgit.")
                        || c.getPackageName().startsWith("com.fasterxml.jackson.")
                        || c.getPackageName().startsWith("org.slf4j"));
        classes().should().onlyDependOnClassesThat(allowed).check(status);
    }
}
