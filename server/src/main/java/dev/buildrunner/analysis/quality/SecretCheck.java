package dev.buildrunner.analysis.quality;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The secret scanner as a quality tool: every text file that {@code secrets.allow.paths} does not
 * allow, scanned by {@link SecretScanner}; every secret is a critical finding (a leaked credential
 * must be revoked whatever the score). The stored issues hold the secret's SHA-256 fingerprint and a
 * masked form, never the secret. Allow-listing by rule, exact value or fingerprint applies after
 * the cache, so changing it needs no new scan.
 */
public final class SecretCheck implements FileCheck {
    /** The tool's name. */
    public static final String TOOL = "secrets";
    /** Files larger than this are not scanned (bundles, data dumps), in characters. */
    static final int MAX_CHARS = 2_000_000;

    private final SecretScanner scanner = new SecretScanner();

    @Override
    public String tool() {
        return TOOL;
    }

    @Override
    public boolean enabled(QualityStandards standards) {
        return standards.secrets().enabled();
    }

    /** Extensions of binary formats, never read (a secret in them is not text a person wrote). */
    private static final Set<String> BINARY = Set.of("png", "jpg", "jpeg", "gif", "ico", "webp", "bmp", "pdf", "zip",
            "jar", "war", "gz", "tgz", "bz2", "xz", "7z", "class", "so", "dll", "dylib", "exe", "bin", "woff", "woff2",
            "ttf", "otf", "eot", "mp3", "mp4", "mov", "avi", "wasm", "pack", "idx");

    @Override
    public boolean accepts(String path, QualityStandards standards) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return !BINARY.contains(ext) && !PathGlob.any(standards.secrets().allowPaths(), path);
    }

    @Override
    public String configuration(CheckContext context) {
        return "secrets scanner 1 entropy " + context.standards().secrets().entropyThreshold();
    }

    @Override
    public Map<String, List<Issue>> check(List<FileText> files, CheckContext context) {
        double threshold = context.standards().secrets().entropyThreshold();
        Map<String, List<Issue>> out = new LinkedHashMap<>();
        for (FileText f : files) {
            List<Issue> issues = new ArrayList<>();
            out.put(f.path(), issues);
            if (f.text().length() > MAX_CHARS || f.text().indexOf('\0') >= 0) {
                continue;
            }
            for (SecretScanner.Hit h : scanner.scan(f.path(), f.text(), threshold)) {
                Map<String, String> props = new LinkedHashMap<>();
                props.put("fingerprint", IncrementalChecks.sha256(h.value()));
                props.put("masked", SecretScanner.mask(h));
                issues.add(new Issue(TOOL, h.rule(), QualitySeverity.CRITICAL, h.line(), h.what() + " "
                        + SecretScanner.mask(h) + ": revoke it and load it from the environment or a secret store"
                        + " (fingerprint " + props.get("fingerprint").substring(0, 12) + "...)",
                        description(h.rule()), "", props));
            }
        }
        return out;
    }

    @Override
    public Map<String, List<Issue>> review(Map<String, List<Issue>> stored, CheckContext context) {
        QualityStandards.SecretSettings s = context.standards().secrets();
        Set<String> fingerprints = new HashSet<>(s.allowFingerprints());
        s.allowValues().forEach(v -> fingerprints.add(IncrementalChecks.sha256(v)));
        Map<String, List<Issue>> out = new LinkedHashMap<>();
        stored.forEach((path, issues) -> out.put(path, issues.stream()
                .filter(i -> !s.allowRules().contains(i.ruleId()))
                .filter(i -> !fingerprints.contains(i.properties().get("fingerprint")))
                .toList()));
        return out;
    }

    private static String description(String rule) {
        return switch (rule) {
            case "github-token" -> "A GitHub personal access, OAuth, app or fine-grained token.";
            case "aws-access-key-id" -> "An AWS access key id (AKIA/ASIA).";
            case "aws-secret-access-key" -> "An AWS secret access key assigned to an AWS secret name.";
            case "slack-token" -> "A Slack bot, user, app or refresh token (xox?-).";
            case "slack-webhook" -> "A Slack incoming-webhook URL.";
            case "private-key" -> "A PEM private key block.";
            default -> "A high-entropy value assigned to a password, secret, token or key name.";
        };
    }
}
