package dev.buildrunner.analysis.quality;

import java.util.Objects;

/**
 * One SpotBugs bug, as stored in the cache (per hash of the analysed classes) before it is located
 * in the tree.
 *
 * @param type the bug pattern ({@code SQL_INJECTION_JDBC}, {@code NP_NULL_ON_SOME_PATH}, ...)
 * @param rank SpotBugs' bug rank, 1 (scariest) to 20
 * @param priority SpotBugs' confidence: 1 high, 2 normal, 3 low
 * @param category the pattern's category ({@code SECURITY}, {@code CORRECTNESS}, ...)
 * @param sourcePath the source file as compiled: package directories and file name
 *     ({@code dev/buildrunner/cli/Main.java}), or {@code ""}
 * @param className the class the bug is in
 * @param line 1-based line, 0 when the class has no line numbers
 * @param message the bug's message for people
 * @param description the pattern's short description
 * @param helpUri where the pattern is documented, or {@code ""}
 */
public record BugRecord(String type, int rank, int priority, String category, String sourcePath, String className,
        int line, String message, String description, String helpUri) {
    public BugRecord {
        Objects.requireNonNull(type, "type");
        category = category == null ? "" : category;
        sourcePath = sourcePath == null ? "" : sourcePath;
        className = className == null ? "" : className;
        message = message == null ? "" : message;
        description = description == null ? "" : description;
        helpUri = helpUri == null ? "" : helpUri;
    }

    /** Severity of a bug rank: 1-4 (scariest) critical, 5-9 (scary) high, 10-14 (troubling) medium, 15-20 low. */
    static QualitySeverity severity(int rank) {
        if (rank <= 4) {
            return QualitySeverity.CRITICAL;
        }
        if (rank <= 9) {
            return QualitySeverity.HIGH;
        }
        return rank <= 14 ? QualitySeverity.MEDIUM : QualitySeverity.LOW;
    }
}
