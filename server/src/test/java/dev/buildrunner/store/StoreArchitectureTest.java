package dev.buildrunner.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code store} keeps a spec text and a plan as given: of the other packages it uses the model
 * records only, never the parser or the planner, and nothing of CLI or web (BRIEF.md data flow).
 */
class StoreArchitectureTest {
    private static final Set<String> MODEL = Set.of(
            "dev.buildrunner.plan.Plan", "dev.buildrunner.plan.Task", "dev.buildrunner.plan.TaskEvent",
            "dev.buildrunner.plan.TaskStatus", "dev.buildrunner.plan.Domain", "dev.buildrunner.plan.Batch",
            "dev.buildrunner.spec.Diagnostic", "dev.buildrunner.spec.Severity");

    private final JavaClasses store = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/") /* any br.buildDir */)
            .importPackages("dev.buildrunner.store");

    @Test
    void storeUsesOnlyTheModelRecordsOfSpecAndPlan() {
        DescribedPredicate<JavaClass> allowed = DescribedPredicate.describe(
                "are in store, support, the JDK, JGit or Jackson, or are a model record of spec or plan",
                c -> c.getPackageName().startsWith("dev.buildrunner.store")
                        || c.getPackageName().startsWith("dev.buildrunner.support")
                        || c.getPackageName().startsWith("java.")
                        || c.getPackageName().startsWith("org.eclipse.jgit.")
                        || c.getPackageName().startsWith("com.fasterxml.jackson.")
                        || MODEL.contains(c.getName().replaceFirst("\\$.*", "")));

        classes().that().resideInAPackage("dev.buildrunner.store..").should().onlyDependOnClassesThat(allowed)
                .check(store);
    }
}
