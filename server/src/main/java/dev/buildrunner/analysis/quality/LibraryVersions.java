package dev.buildrunner.analysis.quality;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of a library on the classpath, from the {@code META-INF/maven/<group>/<artifact>/pom.properties}
 * Maven packs into every jar (the shaded {@code buildrunner.jar} keeps them): part of a check's
 * configuration identity, so upgrading a tool invalidates its cached results.
 */
final class LibraryVersions {
    private LibraryVersions() {
    }

    /** The version, or {@code "unknown"} when the jar carries no pom.properties. */
    static String of(String groupId, String artifactId) {
        String resource = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = LibraryVersions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
