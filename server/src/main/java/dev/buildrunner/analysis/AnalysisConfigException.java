package dev.buildrunner.analysis;

/**
 * A configuration file of an analyser is wrong ({@code .buildrunner/quality-standards.yaml},
 * {@code .buildrunner/architecture-rules.yaml}): the message names the file, the line and the key,
 * for example {@code .buildrunner/quality-standards.yaml:12: gate.min_score: expected a number
 * from 0 to 100, got "high"}. Nothing is analysed with a bad configuration.
 */
public final class AnalysisConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final int line;
    private final String key;

    /**
     * @param path repository-relative path of the file
     * @param line 1-based line, or 0 when unknown
     * @param key the dotted key at fault ({@code gate.min_score}), or {@code ""} for the whole file
     * @param problem what is wrong, for people
     */
    public AnalysisConfigException(String path, int line, String key, String problem) {
        super(path + (line > 0 ? ":" + line : "") + ": " + (key.isEmpty() ? "" : key + ": ") + problem);
        this.path = path;
        this.line = line;
        this.key = key;
    }

    public String path() {
        return path;
    }

    public int line() {
        return line;
    }

    public String key() {
        return key;
    }
}
