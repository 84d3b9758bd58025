package dev.buildrunner.analysis.quality;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.buildrunner.analysis.BlobCache;
import dev.buildrunner.analysis.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * SpotBugs with find-sec-bugs on the compiled classes that {@code spotbugs.classes} names under the
 * work tree. SpotBugs analyses a whole program, so its result is cached per hash of the content of
 * every class file and auxiliary classpath entry (namespace {@code quality/spotbugs/<hash of
 * versions and settings>}): unchanged classes are not analysed again. Bugs are located in the tree
 * by their source path ({@code dev/buildrunner/cli/Main.java} matches the tree file ending with it);
 * bugs in sources the tree does not have, or excludes, are dropped and counted in the status.
 *
 * <p>Without a work tree (the server analyses bare repositories), without configured classes or
 * when none exists, SpotBugs is skipped, and the report says so: never passed. The optional
 * {@code spotbugs.build} command runs first only when this check was built with {@code allowBuild}.
 */
public final class SpotBugsCheck {
    /** The tool's name. */
    public static final String TOOL = "spotbugs";
    private static final TypeReference<SpotBugsEngine.Result> RESULT = new TypeReference<>() {
    };

    private final SpotBugsEngine engine;
    private final boolean allowBuild;

    /**
     * @param engine runs SpotBugs
     * @param allowBuild whether {@code spotbugs.build} may run (the CLI's {@code --build}; never on the server)
     */
    public SpotBugsCheck(SpotBugsEngine engine, boolean allowBuild) {
        this.engine = engine;
        this.allowBuild = allowBuild;
    }

    /**
     * Runs SpotBugs, or says why not.
     *
     * @param workDir the work tree, when there is one
     * @param files the tree's files after the global exclusions: where bugs are located
     */
    IncrementalChecks.Outcome run(QualityStandards standards, Optional<Path> workDir, List<SourceFile> files,
            BlobCache cache) {
        long t0 = System.nanoTime();
        QualityStandards.SpotBugsSettings s = standards.spotbugs();
        if (!s.enabled()) {
            return skipped("disabled in the standards", t0);
        }
        if (workDir.isEmpty()) {
            return skipped("no work tree to read compiled classes from", t0);
        }
        Path root = workDir.get().toAbsolutePath().normalize();
        Optional<String> notBuilt = build(s, root);
        if (notBuilt.isPresent()) {
            ToolStatus.State state = allowBuild ? ToolStatus.State.FAILED : ToolStatus.State.SKIPPED;
            ToolStatus status = new ToolStatus(TOOL, state, notBuilt.get(), ms(t0), 0, 0, 0);
            return new IncrementalChecks.Outcome(status, Map.of());
        }
        List<Path> classes = existing(root, s.classes());
        if (classes.isEmpty()) {
            return skipped(s.classes().isEmpty() ? "no classes configured (spotbugs.classes)"
                    : "no classes at " + String.join(", ", s.classes()), t0);
        }
        List<Path> aux = existing(root, s.auxClasspath());
        Hashed hashed = hash(classes, aux);
        if (hashed.classFiles() == 0) {
            return skipped("no class files in " + String.join(", ", s.classes()), t0);
        }
        String namespace = IncrementalChecks.namespace(TOOL, SpotBugsEngine.versions() + " check 1 effort "
                + s.effort() + " confidence " + s.minConfidence());
        Optional<SpotBugsEngine.Result> cached = cache.get(namespace, hashed.sha256(), RESULT);
        SpotBugsEngine.Result result = cached.orElseGet(() -> engine.analyse(classes, aux, s.effort(),
                s.minConfidence()));
        if (cached.isEmpty()) {
            cache.put(namespace, hashed.sha256(), result);
        }
        Map<String, List<Issue>> located = new LinkedHashMap<>();
        int unlocated = locate(result.bugs(), files, standards, located);
        String reason = hashed.classFiles() + " class files in " + String.join(", ", relative(root, classes))
                + (result.missingClasses() > 0 ? "; " + result.missingClasses() + " referenced classes not on"
                        + " spotbugs.aux_classpath" : "")
                + (unlocated > 0 ? "; " + unlocated + " bugs outside the analysed sources" : "");
        int fromCache = cached.isPresent() ? hashed.classFiles() : 0;
        return new IncrementalChecks.Outcome(new ToolStatus(TOOL, ToolStatus.State.RAN, reason, ms(t0),
                hashed.classFiles() - fromCache, fromCache, 0), located);
    }

    /**
     * Runs {@code spotbugs.build} when there is one and it is allowed.
     *
     * @return why there are no classes to analyse (the build failed, or it may not run and there
     *     are no classes yet), or empty to go on
     */
    private Optional<String> build(QualityStandards.SpotBugsSettings s, Path root) {
        if (s.build().isBlank()) {
            return Optional.empty();
        }
        if (allowBuild) {
            return BuildStep.run(s.build(), root, s.buildTimeoutSeconds());
        }
        return existing(root, s.classes()).isEmpty()
                ? Optional.of("no compiled classes; the build command runs only with --build") : Optional.empty();
    }

    private static int locate(List<BugRecord> bugs, List<SourceFile> files, QualityStandards standards,
            Map<String, List<Issue>> out) {
        Map<String, String> bySuffix = new HashMap<>();
        int unlocated = 0;
        for (BugRecord b : bugs) {
            String path = b.sourcePath().isEmpty() ? null : bySuffix.computeIfAbsent(b.sourcePath(),
                    sp -> files.stream().map(SourceFile::path).filter(p -> p.equals(sp) || p.endsWith("/" + sp))
                            .findFirst().orElse(""));
            if (path == null || path.isEmpty() || standards.excluded(path)) {
                unlocated++;
                continue;
            }
            Map<String, String> props = new LinkedHashMap<>();
            props.put("category", b.category());
            props.put("rank", String.valueOf(b.rank()));
            props.put("confidence", b.priority() == 1 ? "high" : b.priority() == 2 ? "medium" : "low");
            QualitySeverity severity = BugRecord.severity(b.rank());
            out.computeIfAbsent(path, k -> new ArrayList<>()).add(new Issue(TOOL, b.type(), severity, b.line(),
                    b.message(), b.description(), b.helpUri(), props));
        }
        return unlocated;
    }

    private static List<Path> existing(Path root, List<String> entries) {
        List<Path> out = new ArrayList<>();
        for (String e : entries) {
            Path p = root.resolve(e).normalize();
            if (p.startsWith(root) && Files.exists(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static List<String> relative(Path root, List<Path> paths) {
        return paths.stream().map(p -> root.relativize(p).toString().replace('\\', '/')).toList();
    }

    /** The content hash of the class files and classpath entries, and how many class files there are. */
    record Hashed(String sha256, int classFiles) {
    }

    static Hashed hash(List<Path> classes, List<Path> aux) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            int count = 0;
            for (Path entry : classes) {
                count += digestEntry(md, entry);
            }
            md.update((byte) '\n');
            for (Path entry : aux) {
                digestEntry(md, entry);
            }
            return new Hashed(HexFormat.of().formatHex(md.digest()), count);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the compiled classes", e);
        }
    }

    /** Digests a directory's files (sorted, with their relative paths) or a jar; returns its class files. */
    private static int digestEntry(MessageDigest md, Path entry) throws IOException {
        if (!Files.isDirectory(entry)) {
            digest(md, String.valueOf(entry.getFileName()), entry);
            return jarClassCount(entry);
        }
        List<Path> inside;
        try (Stream<Path> walk = Files.walk(entry)) {
            inside = walk.filter(Files::isRegularFile).sorted().toList();
        }
        int count = 0;
        for (Path f : inside) {
            String rel = entry.relativize(f).toString().replace('\\', '/');
            count += rel.endsWith(".class") ? 1 : 0;
            digest(md, rel, f);
        }
        return count;
    }

    private static void digest(MessageDigest md, String name, Path file) throws IOException {
        md.update(name.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        md.update((byte) 0);
    }

    private static int jarClassCount(Path jar) throws IOException {
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(jar.toFile())) {
            return (int) z.stream().filter(e -> e.getName().endsWith(".class")).count();
        } catch (java.util.zip.ZipException e) {
            return 0;
        }
    }

    private static IncrementalChecks.Outcome skipped(String reason, long t0) {
        return new IncrementalChecks.Outcome(new ToolStatus(TOOL, ToolStatus.State.SKIPPED, reason, ms(t0), 0, 0, 0),
                Map.of());
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
