package dev.buildrunner.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the operands of one instruction ("TEXT to NAME", "NAME to VALUE") where the feature part
 * must name a feature: a quoted text ends at its closing quote; an unquoted one is split at each
 * separator in turn until the feature part names exactly one feature. Remembers the last failed
 * lookup as a diagnostic. One instance per instruction; not thread-safe.
 */
final class Targets {

    private static final Pattern LEADING = Pattern.compile(
            "^(?i)(?:(?:the|feature)\\s+)+");
    private static final Pattern TRAILING = Pattern.compile("(?i)(?:'s|’s|\\s+feature)$");

    /**
     * One split: the text operand and the feature, or the problem naming why no feature.
     */
    record Split(String text, Feature feature, Diagnostic problem) {
    }

    private final FeatureMatcher matcher;
    private final String clause;
    private Diagnostic lastProblem;

    Targets(FeatureMatcher matcher, String clause) {
        this.matcher = matcher;
        this.clause = clause;
    }

    /** The diagnostic of the last lookup that found no single feature. */
    Diagnostic lastProblem() {
        return lastProblem;
    }

    /** The feature {@code typed} names ("the auth feature", "'User Profile'"), if exactly one. */
    Optional<Feature> feature(String typed) {
        String name = InstructionText.unquote(TRAILING.matcher(LEADING.matcher(InstructionText.unquote(typed.strip()))
                .replaceFirst("")).replaceFirst("").strip());
        FeatureMatcher.Match m = matcher.find(name);
        if (m.found()) {
            return Optional.of(m.feature());
        }
        lastProblem = Diagnostic.error(0, m.ambiguous() ? "nl-ambiguous-feature" : "nl-unknown-feature",
                "\"" + clause + "\": " + m.problem());
        return Optional.empty();
    }

    /** Splits "TEXT sep NAME"; null when the separator is missing. */
    Split valueThenFeature(String rest, Pattern separator) {
        String[] quoted = InstructionText.leadingQuoted(rest);
        if (quoted != null) {
            Matcher m = separator.matcher(quoted[1]);
            if (!m.lookingAt() || m.end() >= quoted[1].length()) {
                return null;
            }
            return split(quoted[0], quoted[1].substring(m.end()));
        }
        List<int[]> at = positions(rest, separator);
        for (int i = at.size() - 1; i >= 0; i--) {
            Split s = split(rest.substring(0, at.get(i)[0]), rest.substring(at.get(i)[1]));
            if (s.feature() != null) {
                return s;
            }
        }
        return at.isEmpty() ? null : split(rest.substring(0, at.get(at.size() - 1)[0]),
                rest.substring(at.get(at.size() - 1)[1]));
    }

    /** Splits "NAME sep VALUE"; null when the separator is missing. */
    Split featureThenValue(String rest, Pattern separator) {
        String[] quoted = InstructionText.leadingQuoted(rest);
        if (quoted != null) {
            Matcher m = separator.matcher(quoted[1]);
            if (!m.lookingAt() || m.end() >= quoted[1].length()) {
                return null;
            }
            return split(quoted[1].substring(m.end()), quoted[0]);
        }
        List<int[]> at = positions(rest, separator);
        for (int[] p : at) {
            Split s = split(rest.substring(p[1]), rest.substring(0, p[0]));
            if (s.feature() != null) {
                return s;
            }
        }
        return at.isEmpty() ? null : split(rest.substring(at.get(0)[1]), rest.substring(0, at.get(0)[0]));
    }

    private Split split(String text, String name) {
        Optional<Feature> f = feature(name);
        return f.map(feature -> new Split(InstructionText.unquote(text.strip()), feature, null))
                .orElseGet(() -> new Split(text, null, lastProblem));
    }

    private static List<int[]> positions(String s, Pattern separator) {
        List<int[]> at = new ArrayList<>();
        Matcher m = separator.matcher(s);
        while (m.find()) {
            if (m.start() > 0 && m.end() < s.length()) {
                at.add(new int[] {m.start(), m.end()});
            }
        }
        return at;
    }
}
