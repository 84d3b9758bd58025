package dev.buildrunner.analysis.quality;

import dev.buildrunner.analysis.SourceTree;
import java.util.Objects;

/**
 * What a check reads besides the files it is given: the standards and the whole analysed tree (for
 * configuration files kept in the repository, and for rules that look at a file's neighbours).
 */
public record CheckContext(QualityStandards standards, SourceTree tree) {
    public CheckContext {
        Objects.requireNonNull(standards, "standards");
        Objects.requireNonNull(tree, "tree");
    }
}
