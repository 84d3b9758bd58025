package dev.buildrunner.analysis.drift;

import dev.buildrunner.analysis.AnalysisConfigException;
import dev.buildrunner.analysis.Level;
import dev.buildrunner.analysis.drift.YamlTree.Entry;
import dev.buildrunner.analysis.drift.YamlTree.ListNode;
import dev.buildrunner.analysis.drift.YamlTree.MapNode;
import dev.buildrunner.analysis.drift.YamlTree.Node;
import dev.buildrunner.analysis.drift.YamlTree.ScalarNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@code .buildrunner/architecture-rules.yaml} into {@link ArchitectureRules}. The format
 * (documented with an example in {@code templates/architecture-rules.yaml}):
 *
 * <pre>
 * version: 1                        # optional; 1 is the only version
 * rules:
 *   - id: web-not-store             # required, unique: [A-Za-z0-9][A-Za-z0-9._-]*
 *     description: why              # optional
 *     level: error                  # optional: error (default), warning, note
 *     forbid:                       # a layer boundary or forbidden dependency ...
 *       from: "src/main/java/**&#47;web/**"   # glob or list of globs, required
 *       except: ["**&#47;*Test.java"]         # optional
 *       imports: ["com.acme.store.."]      # dotted-name patterns (Java, Kotlin, Python)
 *       modules: ["moment"]                # JS/TS module patterns
 *       paths: ["src/store/**"]            # globs over the files an import resolves to
 *       allow: ["com.acme.store.api.."]    # exceptions to the three above
 *   - id: controllers-named
 *     naming:                       # ... or a naming rule
 *       files: "src/main/java/**&#47;controller/*.java"
 *       name: "[A-Z]\\w*Controller\\.java" # a regex the file name must match entirely
 * </pre>
 *
 * Every problem is an {@link AnalysisConfigException} naming the line and the key path
 * ({@code rules[1].forbid.from}, rules counted from 0): unknown keys, missing keys, wrong types,
 * bad globs, patterns and regexes, repeated ids, invalid YAML. Pure; thread-safe.
 */
final class RulesFile {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Set<String> TOP_KEYS = Set.of("version", "rules");
    private static final Set<String> RULE_KEYS = Set.of("id", "description", "level", "forbid", "naming");
    private static final Set<String> FORBID_KEYS = Set.of("from", "except", "imports", "modules", "paths", "allow");
    private static final Set<String> NAMING_KEYS = Set.of("files", "except", "name");

    private final String path;

    private RulesFile(String path) {
        this.path = path;
    }

    /**
     * Parses a rules file.
     *
     * @param path its repository path, for messages and {@link ArchitectureRules#path()}
     * @param text its content; an empty file has no rules
     * @throws AnalysisConfigException when anything in it is wrong, naming line and key
     */
    static ArchitectureRules parse(String path, String text) {
        return new RulesFile(path).read(YamlTree.parse(path, text));
    }

    private ArchitectureRules read(Node root) {
        if (root == null) {
            return new ArchitectureRules(path, List.of());
        }
        MapNode top = map(root, "");
        checkKeys(top, "", TOP_KEYS);
        Entry version = top.entries().get("version");
        if (version != null && !(version.value() instanceof ScalarNode s && s.text().equals("1"))) {
            throw problem(version.line(), "version", "expected 1, the only version of this format");
        }
        Entry rules = top.entries().get("rules");
        if (rules == null || rules.value() instanceof ScalarNode s && s.text().isEmpty() && !s.isString()) {
            return new ArchitectureRules(path, List.of());
        }
        if (!(rules.value() instanceof ListNode list)) {
            throw problem(rules.line(), "rules", "expected a list of rules (each item starting with '- id:')");
        }
        List<ArchitectureRule> out = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < list.items().size(); i++) {
            ArchitectureRule r = rule(list.items().get(i), "rules[" + i + "]");
            Integer earlier = ids.putIfAbsent(r.id(), r.line());
            if (earlier != null) {
                throw problem(r.line(), "rules[" + i + "].id", "'" + r.id() + "' is already the id of the rule at line "
                        + earlier);
            }
            out.add(r);
        }
        return new ArchitectureRules(path, out);
    }

    private ArchitectureRule rule(Node node, String key) {
        MapNode m = map(node, key);
        checkKeys(m, key, RULE_KEYS);
        String id = string(required(m, key, "id"), key + ".id");
        if (!ID.matcher(id).matches()) {
            throw problem(m.entries().get("id").line(), key + ".id", "'" + id
                    + "' is not an id: letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
        String description = m.entries().containsKey("description")
                ? string(m.entries().get("description"), key + ".description") : "";
        Level level = m.entries().containsKey("level") ? level(m.entries().get("level"), key + ".level") : Level.ERROR;
        Entry forbid = m.entries().get("forbid");
        Entry naming = m.entries().get("naming");
        if ((forbid == null) == (naming == null)) {
            throw problem(m.line(), key, "a rule has exactly one of 'forbid' (a dependency rule) or 'naming' (a naming rule)"
                    + (forbid == null ? "; found neither" : "; found both"));
        }
        if (forbid != null) {
            String k = key + ".forbid";
            MapNode f = map(forbid.value(), k);
            checkKeys(f, k, FORBID_KEYS);
            List<Glob> from = globs(required(f, k, "from"), k + ".from", true);
            List<Glob> except = f.entries().containsKey("except") ? globs(f.entries().get("except"), k + ".except", false)
                    : List.of();
            List<NamePattern> imports = patterns(f, k, "imports", NamePattern::dotted);
            List<NamePattern> modules = patterns(f, k, "modules", NamePattern::module);
            List<Glob> paths = f.entries().containsKey("paths") ? globs(f.entries().get("paths"), k + ".paths", false)
                    : List.of();
            if (imports.isEmpty() && modules.isEmpty() && paths.isEmpty()) {
                throw problem(f.line(), k, "say what is forbidden: at least one of 'imports', 'modules' or 'paths'");
            }
            ArchitectureRule.Allow allow = f.entries().containsKey("allow") ? allow(f.entries().get("allow"), k + ".allow")
                    : ArchitectureRule.Allow.none();
            return new ArchitectureRule.Forbid(id, description, level, m.line(), from, except, imports, modules, paths,
                    allow);
        }
        String k = key + ".naming";
        MapNode n = map(naming.value(), k);
        checkKeys(n, k, NAMING_KEYS);
        List<Glob> files = globs(required(n, k, "files"), k + ".files", true);
        List<Glob> except = n.entries().containsKey("except") ? globs(n.entries().get("except"), k + ".except", false)
                : List.of();
        Entry nameEntry = required(n, k, "name");
        String regex = string(nameEntry, k + ".name");
        try {
            return new ArchitectureRule.Naming(id, description, level, m.line(), files, except, Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw problem(nameEntry.line(), k + ".name", "not a regular expression: " + e.getDescription() + " near index "
                    + e.getIndex() + " of " + regex);
        }
    }

    private List<NamePattern> patterns(MapNode m, String key, String name, Function<String, NamePattern> compile) {
        Entry e = m.entries().get(name);
        if (e == null) {
            return List.of();
        }
        List<NamePattern> out = new ArrayList<>();
        List<String> texts = strings(e, key + "." + name, false);
        for (int i = 0; i < texts.size(); i++) {
            try {
                out.add(compile.apply(texts.get(i)));
            } catch (IllegalArgumentException ex) {
                throw problem(itemLine(e, i), key + "." + name, ex.getMessage());
            }
        }
        return out;
    }

    /** Each entry as every kind of pattern it is valid as; an entry valid as none is an error. */
    private ArchitectureRule.Allow allow(Entry e, String key) {
        List<NamePattern> names = new ArrayList<>();
        List<NamePattern> modules = new ArrayList<>();
        List<Glob> paths = new ArrayList<>();
        List<String> texts = strings(e, key, false);
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            int before = names.size() + modules.size() + paths.size();
            try {
                names.add(NamePattern.dotted(t));
            } catch (IllegalArgumentException notDotted) {
                // not a dotted name: maybe a module or a path
            }
            try {
                modules.add(NamePattern.module(t));
            } catch (IllegalArgumentException notModule) {
                // not a module pattern either
            }
            if (t.contains("/")) {
                try {
                    paths.add(Glob.of(t));
                } catch (IllegalArgumentException ex) {
                    throw problem(itemLine(e, i), key, ex.getMessage());
                }
            }
            if (names.size() + modules.size() + paths.size() == before) {
                throw problem(itemLine(e, i), key, "'" + t + "' is neither a name pattern, a module pattern nor a glob");
            }
        }
        return new ArchitectureRule.Allow(names, modules, paths);
    }

    private List<Glob> globs(Entry e, String key, boolean required) {
        List<String> texts = strings(e, key, required);
        List<Glob> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            try {
                out.add(Glob.of(texts.get(i)));
            } catch (IllegalArgumentException ex) {
                throw problem(itemLine(e, i), key, ex.getMessage());
            }
        }
        return out;
    }

    /** A string or a list of strings; {@code required} refuses an empty list. */
    private List<String> strings(Entry e, String key, boolean required) {
        List<String> out = new ArrayList<>();
        if (e.value() instanceof ScalarNode s && s.isString()) {
            out.add(s.text());
        } else if (e.value() instanceof ListNode l) {
            for (Node item : l.items()) {
                if (!(item instanceof ScalarNode s) || !s.isString()) {
                    throw problem(item.line(), key, "expected a string in the list");
                }
                out.add(s.text());
            }
        } else {
            throw problem(e.line(), key, "expected a string or a list of strings");
        }
        if (required && out.isEmpty()) {
            throw problem(e.line(), key, "expected at least one entry");
        }
        return out;
    }

    private static int itemLine(Entry e, int i) {
        return e.value() instanceof ListNode l ? l.items().get(i).line() : e.line();
    }

    private String string(Entry e, String key) {
        if (e.value() instanceof ScalarNode s && s.isString() && !s.text().isBlank()) {
            return s.text();
        }
        throw problem(e.line(), key, "expected a non-empty string");
    }

    private Level level(Entry e, String key) {
        String s = e.value() instanceof ScalarNode sc ? sc.text().toLowerCase(Locale.ROOT) : "";
        return switch (s) {
            case "error" -> Level.ERROR;
            case "warning" -> Level.WARNING;
            case "note" -> Level.NOTE;
            default -> throw problem(e.line(), key, "expected error, warning or note");
        };
    }

    private Entry required(MapNode m, String key, String name) {
        Entry e = m.entries().get(name);
        if (e == null) {
            throw problem(m.line(), key + "." + name, "missing (required)");
        }
        return e;
    }

    private MapNode map(Node node, String key) {
        if (node instanceof MapNode m) {
            return m;
        }
        throw problem(node.line(), key, "expected a mapping of keys to values");
    }

    private void checkKeys(MapNode m, String key, Set<String> known) {
        for (Entry e : m.entries().values()) {
            if (!known.contains(e.key())) {
                throw problem(e.line(), key.isEmpty() ? e.key() : key + "." + e.key(), "unknown key; expected one of "
                        + known.stream().sorted().toList());
            }
        }
    }

    private AnalysisConfigException problem(int line, String key, String message) {
        return new AnalysisConfigException(path, line, key, message);
    }
}
