package dev.buildrunner.analysis.quality;

import com.puppycrawl.tools.checkstyle.Checker;
import com.puppycrawl.tools.checkstyle.ConfigurationLoader;
import com.puppycrawl.tools.checkstyle.PropertiesExpander;
import com.puppycrawl.tools.checkstyle.api.AuditEvent;
import com.puppycrawl.tools.checkstyle.api.AuditListener;
import com.puppycrawl.tools.checkstyle.api.CheckstyleException;
import com.puppycrawl.tools.checkstyle.api.Configuration;
import com.puppycrawl.tools.checkstyle.api.SeverityLevel;
import dev.buildrunner.analysis.SourceFile;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.xml.sax.InputSource;

/**
 * Checkstyle 12 on the Java files, in process, with {@code checkstyle.config}: a configuration built
 * into Checkstyle ({@code /sun_checks.xml}, {@code /google_checks.xml}) or an XML file in the
 * repository. Checkstyle reads real files, so the analysed files are written to a temporary mirror
 * of the tree (deleted afterwards). Severity: error medium, warning and info low (Checkstyle checks
 * conventions, not correctness); {@code ignore} is dropped.
 *
 * <p>{@code JavadocPackage} is the one check that looks beyond a file: it reports a missing
 * {@code package-info.java} once per directory, on the first file it meets there. The mirror holds
 * a placeholder wherever the tree has a {@code package-info.java} or {@code package.html}; a file's
 * cache key then also says whether it is its directory's first Java file and whether the directory
 * has one; and only the first file keeps that finding. So incremental and full runs agree.
 */
public final class CheckstyleCheck implements FileCheck {
    /** The tool's name. */
    public static final String TOOL = "checkstyle";
    private static final String PACKAGE_CHECK = "JavadocPackage";
    private static final String VERSION = LibraryVersions.of("com.puppycrawl.tools", "checkstyle");

    @Override
    public String tool() {
        return TOOL;
    }

    @Override
    public boolean enabled(QualityStandards standards) {
        return standards.checkstyle().enabled();
    }

    @Override
    public boolean accepts(String path, QualityStandards standards) {
        return path.endsWith(".java") && !PathGlob.any(standards.checkstyle().exclude(), path);
    }

    @Override
    public String configuration(CheckContext context) {
        QualityStandards.CheckstyleSettings cs = context.standards().checkstyle();
        return "checkstyle " + VERSION + " check 1 " + cs.config() + "\n" + configText(context) + "\n"
                + new TreeMap<>(cs.properties());
    }

    @Override
    public Map<String, String> cacheKeys(List<SourceFile> files, CheckContext context) {
        Map<String, String> keys = new LinkedHashMap<>();
        boolean packageCheck = configText(context).contains(PACKAGE_CHECK);
        Map<String, String> first = firstPerDirectory(context);
        for (SourceFile f : files) {
            String dir = directory(f.path());
            keys.put(f.path(), !packageCheck ? f.blobId() : IncrementalChecks.sha256(f.blobId() + "|"
                    + f.path().equals(first.get(dir)) + "|" + hasPackageDoc(dir, context)));
        }
        return keys;
    }

    @Override
    public Map<String, List<Issue>> review(Map<String, List<Issue>> stored, CheckContext context) {
        Map<String, String> first = firstPerDirectory(context);
        Map<String, List<Issue>> out = new LinkedHashMap<>();
        stored.forEach((path, issues) -> out.put(path, path.equals(first.get(directory(path))) ? issues
                : issues.stream().filter(i -> !PACKAGE_CHECK.equals(i.rule())).toList()));
        return out;
    }

    @Override
    public Map<String, List<Issue>> check(List<FileText> files, CheckContext context) {
        Configuration config = load(context);
        Path mirror = null;
        try {
            mirror = Files.createTempDirectory("br-checkstyle");
            Map<String, String> byAbsolute = new LinkedHashMap<>();
            List<File> toCheck = new ArrayList<>();
            for (FileText f : files) {
                Path p = mirror.resolve(f.path());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.text(), StandardCharsets.UTF_8);
                byAbsolute.put(p.toAbsolutePath().toString(), f.path());
                toCheck.add(p.toFile());
                for (String doc : List.of("package-info.java", "package.html")) {
                    String sibling = join(directory(f.path()), doc);
                    Path s = mirror.resolve(sibling);
                    if (context.tree().exists(sibling) && !Files.exists(s)) {
                        Files.writeString(s, "", StandardCharsets.UTF_8);
                    }
                }
            }
            Collector collector = new Collector(byAbsolute);
            Checker checker = new Checker();
            try {
                checker.setModuleClassLoader(Checker.class.getClassLoader());
                checker.setLocaleLanguage("en");
                checker.setLocaleCountry("");
                checker.setCharset(StandardCharsets.UTF_8.name());
                checker.setHaltOnException(false);
                checker.configure(config);
                checker.addListener(collector);
                checker.process(toCheck);
            } finally {
                checker.destroy();
            }
            return collector.issues();
        } catch (CheckstyleException e) {
            throw context.standards().error("checkstyle.config", "Checkstyle cannot run with " + context.standards()
                    .checkstyle().config() + ": " + rootMessage(e));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Checkstyle's temporary files", e);
        } finally {
            deleteTree(mirror);
        }
    }

    /** Severity of a Checkstyle severity level; null for ignore. */
    static QualitySeverity severity(SeverityLevel level) {
        return switch (level) {
            case ERROR -> QualitySeverity.MEDIUM;
            case WARNING, INFO -> QualitySeverity.LOW;
            case IGNORE -> null;
        };
    }

    private Configuration load(CheckContext context) {
        QualityStandards.CheckstyleSettings cs = context.standards().checkstyle();
        Properties props = new Properties();
        props.setProperty("basedir", "");
        props.setProperty("config_loc", "");
        props.putAll(cs.properties());
        try {
            InputSource source = new InputSource(new StringReader(configText(context)));
            source.setSystemId(cs.config());
            return ConfigurationLoader.loadConfiguration(source, new PropertiesExpander(props),
                    ConfigurationLoader.IgnoredModulesOptions.OMIT);
        } catch (CheckstyleException e) {
            throw context.standards().error("checkstyle.config", "cannot load the Checkstyle configuration "
                    + cs.config() + ": " + rootMessage(e));
        }
    }

    private static String configText(CheckContext context) {
        QualityStandards.CheckstyleSettings cs = context.standards().checkstyle();
        if (!cs.builtIn()) {
            return context.tree().readText(cs.config()).orElseThrow(() -> context.standards().error("checkstyle.config",
                    "no such Checkstyle configuration in the analysed tree: " + cs.config()));
        }
        try (InputStream in = Checker.class.getResourceAsStream(cs.config())) {
            if (in == null) {
                throw context.standards().error("checkstyle.config", "Checkstyle has no built-in " + cs.config());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Checkstyle's " + cs.config(), e);
        }
    }

    /** Each directory's first file (in path order) that Checkstyle analyses: where JavadocPackage reports. */
    private Map<String, String> firstPerDirectory(CheckContext context) {
        Map<String, String> first = new java.util.HashMap<>();
        for (SourceFile f : context.tree().files()) {
            if (accepts(f.path(), context.standards()) && !context.standards().excluded(f.path())) {
                first.putIfAbsent(directory(f.path()), f.path());
            }
        }
        return first;
    }

    private static boolean hasPackageDoc(String dir, CheckContext context) {
        return context.tree().exists(join(dir, "package-info.java"))
                || context.tree().exists(join(dir, "package.html"));
    }

    private static String directory(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        return m.lines().findFirst().orElse(m).strip();
    }

    /** Deletes the mirror; true when it is gone (a leftover temporary directory is harmless). */
    private static boolean deleteTree(Path root) {
        if (root == null) {
            return true;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Turns Checkstyle's audit events into issues per repository path. */
    private static final class Collector implements AuditListener {
        private final Map<String, String> byAbsolute;
        private final Map<String, List<Issue>> issues = new LinkedHashMap<>();

        Collector(Map<String, String> byAbsolute) {
            this.byAbsolute = byAbsolute;
            byAbsolute.values().forEach(p -> issues.put(p, new ArrayList<>()));
        }

        Map<String, List<Issue>> issues() {
            return issues;
        }

        @Override
        public void addError(AuditEvent event) {
            QualitySeverity s = severity(event.getSeverityLevel());
            String path = byAbsolute.get(event.getFileName());
            if (s == null || path == null) {
                return;
            }
            String source = event.getSourceName();
            if (event.getViolation() != null && "general.exception".equals(event.getViolation().getKey())) {
                issues.get(path).add(processingError(event.getMessage()));
                return;
            }
            String simple = source.substring(source.lastIndexOf('.') + 1);
            String name = simple.endsWith("Check") ? simple.substring(0, simple.length() - "Check".length()) : simple;
            String pkg = source.contains(".checks.") ? source.substring(source.indexOf(".checks.") + 8) : "";
            String category = pkg.contains(".") ? pkg.substring(0, pkg.indexOf('.')) : "misc";
            String rule = event.getModuleId() != null && !event.getModuleId().isBlank() ? event.getModuleId() : name;
            Map<String, String> props = new LinkedHashMap<>();
            props.put("category", category);
            issues.get(path).add(new Issue(TOOL, rule, s, Math.max(0, event.getLine()), event.getMessage(),
                    "Checkstyle's " + name + " check.", "https://checkstyle.org/checks/" + category + "/"
                            + name.toLowerCase(Locale.ROOT) + ".html", props));
        }

        @Override
        public void addException(AuditEvent event, Throwable throwable) {
            String path = byAbsolute.get(event.getFileName());
            if (path != null) {
                issues.get(path).add(processingError(rootMessage(throwable)));
            }
        }

        private static Issue processingError(String detail) {
            String first = detail == null ? "" : detail.lines().findFirst().orElse("").strip();
            return new Issue(TOOL, "ProcessingError", QualitySeverity.MEDIUM, 0,
                    "Checkstyle could not analyse this file: " + first,
                    "Checkstyle could not parse or analyse the file.", "https://checkstyle.org/", Map.of());
        }

        @Override
        public void auditStarted(AuditEvent event) {
            // only errors and exceptions matter
        }

        @Override
        public void auditFinished(AuditEvent event) {
            // only errors and exceptions matter
        }

        @Override
        public void fileStarted(AuditEvent event) {
            // only errors and exceptions matter
        }

        @Override
        public void fileFinished(AuditEvent event) {
            // only errors and exceptions matter
        }
    }
}
