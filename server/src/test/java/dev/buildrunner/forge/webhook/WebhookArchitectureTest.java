package dev.buildrunner.forge.webhook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code forge.webhook} depends on nothing of ours: the JDK, Jackson and SLF4J only (issue 4 layering). */
class WebhookArchitectureTest {
    @Test
    void webhookUsesOnlyTheJdkJacksonAndSlf4j() throws Exception {
        // import the package's own class folder: scanning the whole class path for it takes seconds
        Path classes = Path.of(WebhookReceiver.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/buildrunner/forge/webhook");
        // and judge dependencies by name, without loading Jackson's and the JDK's class graphs
        ArchConfiguration config = ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        JavaClasses webhook;
        try {
            config.setResolveMissingDependenciesFromClassPath(false);
            webhook = new ClassFileImporter().importPath(classes);
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
        assertThat(webhook.contain(DeliveryJournal.class)).isTrue();
        DescribedPredicate<JavaClass> allowed = DescribedPredicate.describe(
                "are in forge.webhook, the JDK, Jackson or SLF4J",
                c -> c.getPackageName().startsWith("dev.buildrunner.forge.webhook")
                        || c.getPackageName().startsWith("java.")
                        || c.getPackageName().startsWith("javax.crypto")
                        || c.getPackageName().startsWith("com.fasterxml.jackson.")
                        || c.getPackageName().startsWith("org.slf4j"));
        classes().that().resideInAPackage("dev.buildrunner.forge.webhook..").should().onlyDependOnClassesThat(allowed)
                .check(webhook);
    }
}
