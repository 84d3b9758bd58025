package dev.buildrunner.analysis.quality;

import edu.umd.cs.findbugs.BugCollectionBugReporter;
import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.BugPattern;
import edu.umd.cs.findbugs.DetectorFactoryCollection;
import edu.umd.cs.findbugs.FindBugs2;
import edu.umd.cs.findbugs.Plugin;
import edu.umd.cs.findbugs.PluginException;
import edu.umd.cs.findbugs.Priorities;
import edu.umd.cs.findbugs.Project;
import edu.umd.cs.findbugs.SourceLineAnnotation;
import edu.umd.cs.findbugs.config.UserPreferences;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs SpotBugs 4 with the find-sec-bugs plugin in process.
 *
 * <p>SpotBugs keeps its plugins and detector factories in JVM-wide static state, so runs are
 * serialised on one lock ({@link #LOCK}, the only static state here, guarding SpotBugs' own).
 * find-sec-bugs is registered once per JVM, from its plugin descriptors ({@code findbugs.xml},
 * {@code messages.xml}) that the build unpacks to the classpath directory
 * {@value #PLUGIN_RESOURCES}: in the shaded {@code buildrunner.jar} the plugin's own root
 * descriptors would clash with SpotBugs' core ones of the same names, so they are excluded there and
 * read from this directory instead, copied to a temporary directory that SpotBugs loads as the
 * plugin (its detector classes come from BuildRunner's class loader). The plugin must be enabled
 * globally, or it loads silently disabled (STACK.md 2c).
 */
public final class SpotBugsEngine {
    /** Where the build puts find-sec-bugs' descriptors (see server/pom.xml). */
    static final String PLUGIN_RESOURCES = "findsecbugs-plugin";
    /** find-sec-bugs' plugin id. */
    static final String FSB_ID = "com.h3xstream.findsecbugs";
    private static final Object LOCK = new Object();

    /** SpotBugs' and find-sec-bugs' versions, for cache keys. */
    public static String versions() {
        return "spotbugs " + LibraryVersions.of("com.github.spotbugs", "spotbugs") + " findsecbugs "
                + LibraryVersions.of("com.h3xstream.findsecbugs", "findsecbugs-plugin");
    }

    /**
     * Analyses classes.
     *
     * @param classes class directories and jars (absolute)
     * @param auxClasspath what they need (absolute)
     * @param effort {@code min}, {@code default} or {@code max}
     * @param minConfidence {@code high}, {@code medium} or {@code low}
     * @throws IllegalStateException when SpotBugs or the plugin cannot be set up or fails
     */
    public Result analyse(List<Path> classes, List<Path> auxClasspath, String effort, String minConfidence) {
        synchronized (LOCK) {
            DetectorFactoryCollection detectors = detectors();
            Project project = new Project();
            project.setProjectName("buildrunner-quality");
            classes.forEach(c -> project.addFile(c.toString()));
            auxClasspath.forEach(a -> project.addAuxClasspathEntry(a.toString()));
            QuietReporter reporter = new QuietReporter(project);
            reporter.setOutputStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
            reporter.setPriorityThreshold(switch (minConfidence) {
                case "high" -> Priorities.HIGH_PRIORITY;
                case "low" -> Priorities.LOW_PRIORITY;
                default -> Priorities.NORMAL_PRIORITY;
            });
            UserPreferences prefs = UserPreferences.createDefaultUserPreferences();
            prefs.setEffort(switch (effort) {
                case "min" -> UserPreferences.EFFORT_MIN;
                case "max" -> UserPreferences.EFFORT_MAX;
                default -> UserPreferences.EFFORT_DEFAULT;
            });
            try (FindBugs2 engine = new FindBugs2()) {
                engine.setProject(project);
                engine.setBugReporter(reporter);
                engine.setDetectorFactoryCollection(detectors);
                engine.setUserPreferences(prefs);
                engine.execute();
            } catch (IOException e) {
                throw new UncheckedIOException("SpotBugs could not read the classes", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("SpotBugs was interrupted", e);
            }
            List<BugRecord> out = new ArrayList<>();
            for (BugInstance bug : reporter.getBugCollection().getCollection()) {
                out.add(record(bug));
            }
            return new Result(out, reporter.missingClasses);
        }
    }

    /**
     * What a run found.
     *
     * @param bugs the bugs, in SpotBugs' order
     * @param missingClasses classes the analysed code refers to that were on neither the analysed
     *     nor the auxiliary classpath (the analysis is less precise without them)
     */
    public record Result(List<BugRecord> bugs, int missingClasses) {
        public Result {
            bugs = List.copyOf(bugs);
        }
    }

    /** SpotBugs' collecting reporter without its report of missing classes on System.err: counted instead. */
    private static final class QuietReporter extends BugCollectionBugReporter {
        private int missingClasses;

        QuietReporter(Project project) {
            super(project);
        }

        @Override
        public void reportMissingClass(String message) {
            missingClasses++;
        }

        @Override
        protected void emitLine(String line) {
            // the report says what matters (bugs, and how many classes were missing)
        }
    }

    private static BugRecord record(BugInstance bug) {
        BugPattern pattern = bug.getBugPattern();
        SourceLineAnnotation source = bug.getPrimarySourceLineAnnotation();
        String help = pattern.getUri().map(Object::toString).orElse("");
        if (help.isEmpty() && pattern.getType() != null && isFindSecBugs(bug)) {
            help = "https://find-sec-bugs.github.io/bugs.htm#" + pattern.getType();
        }
        boolean unknown = source == null || source.getSourceFile() == null
                || SourceLineAnnotation.UNKNOWN_SOURCE_FILE.equals(source.getSourceFile());
        String sourcePath = unknown ? "" : source.getSourcePath();
        return new BugRecord(bug.getType(), bug.getBugRank(), bug.getPriority(), pattern.getCategory(), sourcePath,
                bug.getPrimaryClass() == null ? "" : bug.getPrimaryClass().getClassName(),
                source == null ? 0 : Math.max(0, source.getStartLine()), bug.getMessageWithoutPrefix(),
                pattern.getShortDescription(), help);
    }

    private static boolean isFindSecBugs(BugInstance bug) {
        Plugin fsb = Plugin.getByPluginId(FSB_ID);
        return fsb != null && fsb.getBugPatterns().contains(bug.getBugPattern());
    }

    /** The detector factories with find-sec-bugs enabled; registers the plugin on first use. */
    private static DetectorFactoryCollection detectors() {
        if (Plugin.getByPluginId(FSB_ID) == null) {
            try {
                Plugin fsb = Plugin.addCustomPlugin(pluginDirectory().toUri(), SpotBugsEngine.class.getClassLoader());
                if (fsb == null) {
                    throw new IllegalStateException("SpotBugs did not load find-sec-bugs");
                }
                fsb.setGloballyEnabled(true);
                DetectorFactoryCollection.resetInstance(new DetectorFactoryCollection());
            } catch (PluginException e) {
                throw new IllegalStateException("cannot load the find-sec-bugs plugin: " + e.getMessage(), e);
            }
        }
        return DetectorFactoryCollection.instance();
    }

    /** find-sec-bugs' descriptors copied from the classpath into a temporary plugin directory. */
    private static Path pluginDirectory() {
        try {
            Path dir = Files.createTempDirectory("br-findsecbugs");
            for (String name : List.of("findbugs.xml", "messages.xml")) {
                String resource = PLUGIN_RESOURCES + "/" + name;
                try (InputStream in = SpotBugsEngine.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException(resource + " is missing from the classpath: the build"
                                + " unpacks it from findsecbugs-plugin (server/pom.xml)");
                    }
                    Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
                dir.resolve(name).toFile().deleteOnExit();
            }
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write find-sec-bugs' plugin descriptors", e);
        }
    }
}
