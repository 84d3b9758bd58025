package dev.buildrunner.analysis.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in text (issue 5: "known token formats - GitHub, AWS, Slack, private keys, generic
 * high-entropy assignments"). Token formats are the vendors' documented shapes: GitHub's
 * {@code ghp_/gho_/ghu_/ghs_/ghr_} prefixes and {@code github_pat_} fine-grained tokens, AWS access
 * key ids ({@code AKIA}/{@code ASIA} + 16 characters) and 40-character secret keys assigned to an
 * {@code aws...secret...} name, Slack {@code xox[baprs]-} tokens and incoming-webhook URLs, and PEM
 * private key blocks with a body. A generic secret is a value assigned to a name containing
 * password, secret, token, api_key, ... whose Shannon entropy reaches a threshold and that is not a
 * placeholder; in source code only quoted values count (an unquoted one is an expression).
 *
 * <p>A line carrying {@value #ALLOW_MARKER}, or following a line that does, is skipped. Stateless.
 */
public final class SecretScanner {
    /** The inline allow comment. */
    public static final String ALLOW_MARKER = "buildrunner:allow-secret";

    /** One secret found. {@code value} is the secret itself: never print it, {@link #mask} it. */
    public record Hit(String rule, int line, String value, String publicPrefix, String what) {
    }

    private record TokenRule(String rule, Pattern pattern, int prefixLength, String what) {
    }

    private static final List<TokenRule> TOKENS = List.of(
            new TokenRule("github-token",
                    Pattern.compile("(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,251}(?![A-Za-z0-9_])"),
                    4, "GitHub token"),
            new TokenRule("github-token",
                    Pattern.compile("(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![A-Za-z0-9_])"),
                    11, "GitHub fine-grained token"),
            new TokenRule("aws-access-key-id", Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])"), 4,
                    "AWS access key id"),
            new TokenRule("slack-token", Pattern.compile("(?<![A-Za-z0-9-])xox[baprs]-[A-Za-z0-9-]{10,250}"), 5,
                    "Slack token"),
            new TokenRule("slack-webhook", Pattern.compile(
                    "https://hooks\\.slack\\.com/services/T[A-Za-z0-9_]{6,}/B[A-Za-z0-9_]{6,}/[A-Za-z0-9_]{20,}"),
                    33, "Slack incoming webhook URL"));

    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN ((?:RSA|EC|DSA|OPENSSH|PGP|ENCRYPTED) )?PRIVATE KEY( BLOCK)?-----");
    private static final Pattern AWS_SECRET = Pattern.compile(
            "(?i)aws[\\w.-]{0,30}?(?:secret|sk)[\\w.-]{0,30}[\"']?\\s*(?::=|=>|=|:)\\s*[\"']?"
                    + "([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])");
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)([\\w.-]{0,40}(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|auth[_-]?key"
                    + "|credential|private[_-]?key)[\\w.-]{0,40})[\"']?\\s*(?::=|=>|=|:)\\s*"
                    + "(?:([\"'`])([^\"'`\\s]{8,200})\\2"
                    + "|([^\\s\"'`,;()\\[\\]{}]{8,200}))");
    private static final Set<String> KEYWORDS = Set.of("password", "passwd", "pwd", "secret", "token", "api_key",
            "api-key", "apikey", "access_key", "access-key", "accesskey", "auth_key", "auth-key", "authkey",
            "credential", "private_key", "private-key", "privatekey");
    private static final Set<String> CONFIG_EXTENSIONS = Set.of("", "env", "properties", "yaml", "yml", "ini", "conf",
            "cfg", "toml", "txt");
    private static final List<String> PLACEHOLDERS = List.of("example", "changeme", "change-me", "change_me", "xxxx",
            "dummy", "placeholder", "your_", "your-", "redacted", "sample", "foobar", "****", "...");

    /**
     * Scans one file.
     *
     * @param path repository path: decides whether unquoted values count (configuration files) or not (code)
     * @param entropyThreshold bits per character a generic value must reach
     */
    public List<Hit> scan(String path, String text, double entropyThreshold) {
        List<Hit> hits = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean config = CONFIG_EXTENSIONS.contains(extension(path));
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (allowed(lines, i)) {
                continue;
            }
            Map<String, Boolean> seen = new HashMap<>();
            for (TokenRule r : TOKENS) {
                Matcher m = r.pattern().matcher(line);
                while (m.find()) {
                    seen.put(m.group(), true);
                    hits.add(new Hit(r.rule(), i + 1, m.group(), m.group().substring(0, r.prefixLength()), r.what()));
                }
            }
            Matcher aws = AWS_SECRET.matcher(line);
            while (aws.find()) {
                if (seen.put(aws.group(1), true) == null) {
                    hits.add(new Hit("aws-secret-access-key", i + 1, aws.group(1), "", "AWS secret access key"));
                }
            }
            Matcher key = PRIVATE_KEY.matcher(line);
            if (key.find() && hasKeyBody(lines, i)) {
                hits.add(new Hit("private-key", i + 1, keyBlock(lines, i), "", "private key"));
            }
            if (mentionsSecretName(line)) {
                generic(line, i + 1, config, entropyThreshold, seen, hits);
            }
        }
        return hits;
    }

    /** The secret with only its public prefix shown: {@code ghp_******** (40 characters)}. */
    public static String mask(Hit hit) {
        String rest = hit.value().substring(hit.publicPrefix().length());
        return hit.publicPrefix() + "*".repeat(Math.min(8, Math.max(4, rest.length()))) + " (" + hit.value().length()
                + " characters)";
    }

    /** Shannon entropy of the characters of {@code s}, bits per character. */
    public static double entropy(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        Map<Integer, Integer> counts = new HashMap<>();
        s.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        double n = s.codePointCount(0, s.length());
        double h = 0;
        for (int c : counts.values()) {
            double p = c / n;
            h -= p * (Math.log(p) / Math.log(2));
        }
        return h;
    }

    private static void generic(String line, int lineNo, boolean config, double threshold, Map<String, Boolean> seen,
            List<Hit> hits) {
        Matcher m = ASSIGNMENT.matcher(line);
        while (m.find()) {
            boolean quoted = m.group(3) != null;
            String value = quoted ? m.group(3) : m.group(4);
            if (!quoted && !config || seen.containsKey(value) || placeholder(value) || entropy(value) < threshold) {
                continue;
            }
            seen.put(value, true);
            hits.add(new Hit("generic-secret", lineNo, value, "", "high-entropy value assigned to " + m.group(1)));
        }
    }

    private static boolean mentionsSecretName(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        for (String k : KEYWORDS) {
            if (lower.contains(k)) {
                return true;
            }
        }
        return false;
    }

    private static boolean placeholder(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.contains("${") || v.contains("{{") || v.startsWith("$") || v.startsWith("<") || v.startsWith("%")
                || v.startsWith("env:") || v.startsWith("vault:")) {
            return true;
        }
        for (String p : PLACEHOLDERS) {
            if (v.contains(p)) {
                return true;
            }
        }
        return v.chars().distinct().count() <= 2;
    }

    private static boolean allowed(String[] lines, int i) {
        return lines[i].contains(ALLOW_MARKER) || i > 0 && lines[i - 1].contains(ALLOW_MARKER);
    }

    /** A PEM header counts when a base64 line follows it (a format description in prose has none). */
    private static boolean hasKeyBody(String[] lines, int header) {
        for (int j = header + 1; j < Math.min(lines.length, header + 4); j++) {
            String l = lines[j].strip().replaceAll("^[\"'+\\s]+|[\"',+;\\\\n\\s]+$", "");
            if (l.matches("[A-Za-z0-9+/=]{20,}")) {
                return true;
            }
        }
        return false;
    }

    private static String keyBlock(String[] lines, int header) {
        StringBuilder b = new StringBuilder(lines[header].strip());
        for (int j = header + 1; j < lines.length && j < header + 200; j++) {
            b.append('\n').append(lines[j].strip());
            if (lines[j].contains("-----END ")) {
                break;
            }
        }
        return b.toString();
    }

    private static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.startsWith(".env")) {
            return "env";
        }
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
