package dev.buildrunner.analysis.quality;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sourceforge.pmd.PMDConfiguration;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.lang.LanguageRegistry;
import net.sourceforge.pmd.lang.LanguageVersion;
import net.sourceforge.pmd.lang.document.FileId;
import net.sourceforge.pmd.lang.rule.RuleSet;
import net.sourceforge.pmd.reporting.Report;

/**
 * One in-process PMD 7 run over files held in memory ({@code FileCollector.addSourceFile}), shared
 * by {@link PmdCheck} and {@link ComplexityCheck}. Type resolution sees the running JDK's classes
 * only (its {@code lib/jrt-fs.jar} as the auxiliary classpath), never BuildRunner's own classpath,
 * so a file's issues depend on its text alone, which is what lets them be cached per blob. PMD's
 * own incremental cache is off: BuildRunner's blob cache does that job.
 */
final class PmdEngine {
    private PmdEngine() {
    }

    /** A run's report, with the repository path of each PMD file id. */
    record Result(Report report, Map<FileId, String> paths) {
        /** The repository path PMD's file id stands for. */
        String path(FileId id) {
            String p = paths.get(id);
            if (p == null) {
                throw new IllegalStateException("PMD reported a file it was not given: " + id);
            }
            return p;
        }
    }

    /** The PMD language version for a Java version, or null when PMD does not know it. */
    static LanguageVersion java(String version) {
        return LanguageRegistry.PMD.getLanguageVersionById("java", version);
    }

    /**
     * Runs rule sets over files.
     *
     * @param java the language version to parse with (see {@link #java})
     * @param threads analysis threads (at least 1)
     */
    static Result run(LanguageVersion java, List<RuleSet> ruleSets, List<FileText> files, int threads) {
        PMDConfiguration cfg = new PMDConfiguration();
        cfg.setDefaultLanguageVersion(java);
        cfg.setIgnoreIncrementalAnalysis(true);
        cfg.setThreads(Math.max(1, threads));
        Path jrt = Path.of(System.getProperty("java.home"), "lib", "jrt-fs.jar");
        if (Files.isRegularFile(jrt)) {
            cfg.prependAuxClasspath(jrt.toString());
        }
        Map<FileId, String> paths = new HashMap<>();
        try (PmdAnalysis pmd = PmdAnalysis.create(cfg)) {
            pmd.addRuleSets(ruleSets);
            for (FileText f : files) {
                FileId id = FileId.fromPathLikeString(f.path());
                paths.put(id, f.path());
                pmd.files().addSourceFile(id, f.text());
            }
            return new Result(pmd.performAnalysisAndCollectReport(), paths);
        }
    }

    /** The first sentence of a rule description, whitespace collapsed, at most 200 characters. */
    static String firstSentence(String description) {
        String d = description == null ? "" : description.strip().replaceAll("\\s+", " ");
        int dot = d.indexOf(". ");
        if (dot > 0) {
            d = d.substring(0, dot + 1);
        }
        return d.length() > 200 ? d.substring(0, 197) + "..." : d;
    }
}
