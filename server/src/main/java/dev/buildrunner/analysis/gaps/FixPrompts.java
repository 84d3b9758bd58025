package dev.buildrunner.analysis.gaps;

import dev.buildrunner.analysis.AnalysisConfigException;
import dev.buildrunner.analysis.SourceTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the fix prompt of a gap (seed 002: "Auto-fix prompt generator for each gap"; issue 5:
 * "what to create, where, which acceptance criteria it must meet") from a Markdown template with
 * <code>{{placeholder}}</code>s: BuildRunner's {@value #DEFAULT} (the repository's
 * {@code templates/} directory, packaged into the jar), or the repository's own
 * {@value #OVERRIDE} when it has one. Placeholders: {@code gap}, {@code rule}, {@code feature},
 * {@code feature_id}, {@code spec_path}, {@code spec_line}, {@code what}, {@code where},
 * {@code acceptance_criteria}, {@code requirements}. Immutable.
 */
public final class FixPrompts {
    /** The packaged template (classpath resource). */
    public static final String DEFAULT = "templates/gap-fix-prompt.md";
    /** A repository's own template, used instead when present. */
    public static final String OVERRIDE = ".buildrunner/gap-fix-prompt.md";
    /** The placeholders a template may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("gap", "rule", "feature", "feature_id", "spec_path",
            "spec_line", "what", "where", "acceptance_criteria", "requirements");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private final String template;

    private FixPrompts(String template) {
        this.template = template;
    }

    /**
     * The template of a tree: its {@value #OVERRIDE}, else the packaged one.
     *
     * @throws AnalysisConfigException when the override uses an unknown or unclosed placeholder
     *     (the message names the file, the line and the placeholder)
     */
    public static FixPrompts load(SourceTree tree) {
        if (tree.exists(OVERRIDE)) {
            return of(tree.readText(OVERRIDE).orElse(""), OVERRIDE);
        }
        return packaged();
    }

    /** The packaged template. */
    public static FixPrompts packaged() {
        try (InputStream in = FixPrompts.class.getClassLoader().getResourceAsStream(DEFAULT)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + DEFAULT + " is missing: a packaging bug");
            }
            return of(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT, e);
        }
    }

    /**
     * A template from text, checked.
     *
     * @param source where it comes from, for error messages
     * @throws AnalysisConfigException on an unknown or unclosed placeholder
     */
    public static FixPrompts of(String text, String source) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = PLACEHOLDER.matcher(lines[i]);
            while (m.find()) {
                if (!PLACEHOLDERS.contains(m.group(1))) {
                    throw new AnalysisConfigException(source, i + 1, m.group(1),
                            "unknown placeholder {{" + m.group(1) + "}}; known: " + String.join(", ",
                                    PLACEHOLDERS.stream().sorted().toList()));
                }
            }
            String rest = PLACEHOLDER.matcher(lines[i]).replaceAll("");
            if (rest.contains("{{")) {
                throw new AnalysisConfigException(source, i + 1, "", "unclosed placeholder: '{{' without '}}'");
            }
        }
        return new FixPrompts(text);
    }

    /**
     * Renders the prompt; every placeholder must have a value.
     *
     * @param values a value for each of {@link #PLACEHOLDERS}
     * @throws IllegalArgumentException when a value is missing (a bug of the caller)
     */
    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException("no value for placeholder " + m.group(1));
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString().strip() + "\n";
    }

    /** A Markdown bullet list of the items, or {@code none} in italics when there are none. */
    static String bullets(List<String> items, String none) {
        if (items.isEmpty()) {
            return "_" + none + "_";
        }
        StringBuilder sb = new StringBuilder();
        for (String s : items) {
            sb.append(sb.length() == 0 ? "" : "\n").append("- ").append(s);
        }
        return sb.toString();
    }
}
