package dev.buildrunner.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a task's {@link Domain} from its files (extensions and folders) or, when it has none, from
 * its words. The rules follow seed 003 ("never mix frontend/backend/database") and the plan brief;
 * anything not recognised is backend, the domain of plain application code.
 */
final class DomainClassifier {

    private static final Set<String> TEST_DIRS = Set.of("test", "tests", "__tests__", "e2e");
    private static final Set<String> DOC_DIRS = Set.of("docs", "doc", "documentation");
    private static final Set<String> DOC_EXT = Set.of("md", "markdown", "rst", "adoc", "asciidoc");
    private static final Set<String> INFRA_DIRS = Set.of(".github", ".circleci", ".gitlab", "deploy", "deployment",
            "deployments", "infra", "infrastructure", "k8s", "kubernetes", "helm", "terraform", "ansible", "docker",
            ".devcontainer");
    private static final Set<String> INFRA_EXT = Set.of("yaml", "yml", "toml", "ini", "cfg", "conf", "env", "tf",
            "properties", "hcl");
    private static final Set<String> INFRA_NAMES = Set.of("dockerfile", "jenkinsfile", "makefile", "procfile",
            "vagrantfile", ".dockerignore", ".env");
    private static final Set<String> DB_DIRS = Set.of("migrations", "models", "model", "schema",
            "schemas", "db", "database", "entities", "alembic", "prisma", "seeds");
    private static final Set<String> DB_EXT = Set.of("sql", "prisma", "ddl");
    private static final Set<String> FRONT_DIRS = Set.of("ui", "components", "component", "pages", "views",
            "frontend", "styles", "public", "static", "assets", "webapp");
    private static final Set<String> FRONT_EXT = Set.of("tsx", "jsx", "vue", "svelte", "css", "scss", "sass",
            "less", "html", "htm");

    /**
     * Domain words (after {@link Words#tokens} folding). Backend words exist so that a text naming
     * backend work is not given its feature's domain. "migration" is not a database word: real
     * specs use it for data and tool migrations alike (BUILD_4A "Migration Tools").
     */
    private static final Map<String, Domain> WORDS = words();

    private DomainClassifier() {
    }

    private static Map<String, Domain> words() {
        Map<String, Domain> m = new HashMap<>();
        put(m, Domain.DATABASE, "schema", "table", "database", "db", "sql", "orm", "model", "postgres", "postgresql",
                "mysql", "sqlite", "mongodb", "supabase", "entity", "persistence");
        put(m, Domain.FRONTEND, "react", "component", "ui", "ux", "dashboard", "page", "frontend", "css", "tailwind",
                "vue", "svelte", "angular", "button", "form", "modal", "screen", "layout", "widget", "browser",
                "html", "chart", "theme", "responsive", "visual", "visualization");
        put(m, Domain.TESTS, "test", "testing", "e2e", "pytest", "junit", "jest", "cypress", "playwright");
        put(m, Domain.DOCS, "documentation", "doc", "readme", "guide", "tutorial", "changelog", "docstring");
        put(m, Domain.INFRA, "docker", "dockerfile", "container", "kubernetes", "k8s", "deploy", "deployment", "ci",
                "pipeline", "terraform", "helm", "infrastructure", "provisioning", "nginx", "vercel", "hosting");
        put(m, Domain.BACKEND, "api", "endpoint", "server", "backend", "service", "websocket", "graphql", "webhook",
                "middleware", "auth", "authentication", "jwt", "oauth", "cli");
        return Map.copyOf(m);
    }

    private static void put(Map<String, Domain> m, Domain d, String... words) {
        for (String w : words) {
            m.put(w, d);
        }
    }

    /**
     * The domain of one repository-relative file: tests ({@code tests/}, {@code test_*.py},
     * {@code *Test.java}, {@code *.test.ts}), docs ({@code .md}, {@code docs/}), infra (Dockerfile, CI,
     * deploy folders, {@code .yaml}/{@code .toml} configuration), database ({@code .sql},
     * {@code migrations/}, {@code models/}), frontend ({@code .tsx/.jsx/.vue/.css}, {@code ui/},
     * {@code components/}), else backend. Checked in that order, so {@code tests/models/x.py} is tests.
     */
    static Domain ofFile(String path) {
        String original = path.replace('\\', '/');
        String p = original.toLowerCase(Locale.ROOT);
        int slash = p.lastIndexOf('/');
        String name = p.substring(slash + 1);
        String originalName = original.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot + 1) : "";
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String[] dirs = slash < 0 ? new String[0] : p.substring(0, slash).split("/");

        if (any(dirs, TEST_DIRS) || stem.startsWith("test_") || stem.endsWith("_test") || stem.contains(".test")
                || stem.contains(".spec") || isJavaTest(originalName)) {
            return Domain.TESTS;
        }
        if (DOC_EXT.contains(ext) || any(dirs, DOC_DIRS)) {
            return Domain.DOCS;
        }
        if (INFRA_NAMES.contains(name) || name.startsWith("dockerfile") || name.startsWith("docker-compose")
                || name.startsWith(".gitlab-ci") || INFRA_EXT.contains(ext) || any(dirs, INFRA_DIRS)) {
            return Domain.INFRA;
        }
        if (DB_EXT.contains(ext) || any(dirs, DB_DIRS)) {
            return Domain.DATABASE;
        }
        if (FRONT_EXT.contains(ext) || any(dirs, FRONT_DIRS)) {
            return Domain.FRONTEND;
        }
        return Domain.BACKEND;
    }

    /**
     * The domain a text names: that of its first domain word ("React frontend" -> frontend), except
     * that a test word right after another domain word wins, as the head of a compound comes last
     * ("Write component tests" -> tests, "UI tests" -> tests).
     *
     * @return the domain, or empty when the text has no domain word
     */
    static Optional<Domain> ofWords(String text) {
        Domain first = null;
        Domain previous = null;
        for (String t : Words.tokens(text)) {
            Domain d = WORDS.get(t);
            if (d == Domain.TESTS && previous != null && previous != Domain.TESTS) {
                return Optional.of(Domain.TESTS);
            }
            if (first == null) {
                first = d;
            }
            previous = d;
        }
        return Optional.ofNullable(first);
    }

    /**
     * The domain of a task: the most frequent domain of its files (a tie goes to the domain of the
     * earliest of the tied files), else the domain its words name, else the fallback.
     *
     * @param fileDomains the {@link #ofFile} domain of each of the task's files, in file order
     * @param words the task's text
     * @param fallback the domain when neither files nor words tell (the feature's)
     */
    static Domain of(List<Domain> fileDomains, String words, Domain fallback) {
        if (fileDomains.isEmpty()) {
            return ofWords(words).orElse(fallback);
        }
        int[] counts = new int[Domain.values().length];
        int[] first = new int[Domain.values().length];
        for (int i = 0; i < fileDomains.size(); i++) {
            int d = fileDomains.get(i).ordinal();
            if (counts[d]++ == 0) {
                first[d] = i;
            }
        }
        Domain best = null;
        for (Domain d : Domain.values()) {
            int c = counts[d.ordinal()];
            if (c > 0 && (best == null || c > counts[best.ordinal()]
                    || (c == counts[best.ordinal()] && first[d.ordinal()] < first[best.ordinal()]))) {
                best = d;
            }
        }
        return best;
    }

    private static boolean any(String[] dirs, Set<String> names) {
        for (String d : dirs) {
            if (names.contains(d)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJavaTest(String name) {
        return name.endsWith("Test.java") || name.endsWith("Tests.java") || name.endsWith("IT.java")
                || name.endsWith("Test.kt") || name.endsWith("Spec.groovy");
    }
}
