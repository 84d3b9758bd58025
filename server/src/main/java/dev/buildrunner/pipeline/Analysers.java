package dev.buildrunner.pipeline;

import dev.buildrunner.analysis.AnalysisResult;
import dev.buildrunner.analysis.Analyser;
import dev.buildrunner.analysis.drift.DriftAnalyzer;
import dev.buildrunner.analysis.drift.FrameworkRoutes;
import dev.buildrunner.analysis.gaps.GapAnalyzer;
import dev.buildrunner.analysis.quality.QualityAnalyzer;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the analysers a server runs on each push, by name ({@code gaps}, {@code quality},
 * {@code drift}), configured for a server: no work tree, and no build command is ever run for
 * code that arrived by push.
 */
public final class Analysers {
    private Analysers() {
    }

    /**
     * The named analysers, in the order given.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static List<Analyser<? extends AnalysisResult>> forServer(List<String> names) {
        List<Analyser<? extends AnalysisResult>> out = new ArrayList<>();
        for (String name : names) {
            switch (name) {
                case "drift" -> out.add(new DriftAnalyzer(new FrameworkRoutes()));
                case "gaps" -> out.add(new GapAnalyzer());
                case "quality" -> out.add(QualityAnalyzer.standard(false)); // never run a pushed repository's build
                default -> throw new IllegalArgumentException("unknown analyser: " + name);
            }
        }
        return out;
    }
}
