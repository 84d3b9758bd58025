package dev.buildrunner.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The indexes that keep linking linear give what a plain scan over all features gives: dependency
 * resolution (by id, number, name, partial name) and endpoint templates. The scans below are the
 * definitions (they are what the parser did before, at a cost of features x dependencies).
 */
class LinkingIndexProperties {

    private static final List<String> WORDS = List.of("user", "users", "auth", "login", "gap", "analyzer", "report",
            "api", "café", "Cafe", "pay", "payment", "sync", "a", "2", "功能", "data", "copy");
    private static final Pattern BY_NUMBER = Pattern.compile("^(?:feature|功能|req|requirement|#)?\\s*#?\\s*(\\d+)$",
            Pattern.CASE_INSENSITIVE);

    @Property(tries = 500)
    void dependencyIndexResolvesAsAScanOverAllFeatures(@ForAll("drafts") List<FeatureDraft> drafts,
            @ForAll("dependencies") List<String> deps) {
        DependencyResolver resolver = new DependencyResolver(drafts);
        for (String raw : deps) {
            assertThat(resolver.resolve(raw)).as(raw).containsExactlyElementsOf(scan(raw, drafts));
        }
    }

    @Property(tries = 500)
    void templateIndexFindsTheFirstMatchingTemplate(@ForAll("endpoints") List<Endpoint> templates,
            @ForAll("endpoints") List<Endpoint> endpoints) {
        EndpointTemplates index = new EndpointTemplates();
        List<Endpoint> list = new ArrayList<>();
        for (Endpoint t : templates) {
            index.add(t);
            if (TextScan.isTemplate(t.path()) && !list.contains(t)) {
                list.add(t);
            }
        }
        List<Endpoint> got = new ArrayList<>(endpoints);
        index.canonicalise(got);
        LinkedHashSet<Endpoint> expected = new LinkedHashSet<>();
        for (Endpoint e : endpoints) {
            Endpoint c = e;
            if (!list.isEmpty() && !TextScan.isTemplate(e.path())) {
                for (Endpoint t : list) {
                    if (t.method().equals(e.method()) && TextScan.matchesTemplate(t.path(), e.path())) {
                        c = t;
                        break;
                    }
                }
            }
            expected.add(c);
        }
        assertThat(got).containsExactlyElementsOf(list.isEmpty() ? endpoints : new ArrayList<>(expected));
    }

    // ---------------------------------------------------------------- the definitions

    private static List<FeatureDraft> scan(String raw, List<FeatureDraft> drafts) {
        Map<String, FeatureDraft> byId = new HashMap<>();
        drafts.forEach(d -> byId.put(d.id.toLowerCase(Locale.ROOT), d));
        String s = raw.trim();
        FeatureDraft exact = byId.get(s.toLowerCase(Locale.ROOT));
        if (exact == null) {
            exact = byId.get(TextScan.slug(s));
        }
        if (exact != null) {
            return List.of(exact);
        }
        Matcher m = BY_NUMBER.matcher(s);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            for (FeatureDraft d : drafts) {
                if (d.number == n) {
                    return List.of(d);
                }
            }
            return n >= 1 && n <= drafts.size() ? List.of(drafts.get(n - 1)) : List.of();
        }
        String want = norm(s);
        if (want.isEmpty()) {
            return List.of();
        }
        List<FeatureDraft> prefix = new ArrayList<>();
        List<FeatureDraft> inner = new ArrayList<>();
        List<FeatureDraft> outer = new ArrayList<>();
        for (FeatureDraft d : drafts) {
            String name = norm(d.name);
            String bare = norm(d.name.replaceAll("\\s*\\([^)]*\\)\\s*$", ""));
            if (name.equals(want) || bare.equals(want)) {
                return List.of(d);
            }
            if (name.startsWith(want + " ")) {
                prefix.add(d);
            } else if ((" " + name + " ").contains(" " + want + " ")) {
                inner.add(d);
            } else if (!bare.isEmpty() && (" " + want + " ").contains(" " + bare + " ")) {
                outer.add(d);
            }
        }
        return !prefix.isEmpty() ? prefix : !inner.isEmpty() ? inner : outer;
    }

    /** Lower-cased, accent-folded letter-and-digit runs, joined by one space. */
    private static String norm(String s) {
        String f = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{Mn}", "").toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        f.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                w.appendCodePoint(cp);
            } else if (w.length() > 0) {
                words.add(w.toString());
                w.setLength(0);
            }
        });
        if (w.length() > 0) {
            words.add(w.toString());
        }
        return String.join(" ", words);
    }

    // ---------------------------------------------------------------- generators

    private static Arbitrary<String> name() {
        Arbitrary<String> words = Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(" ", l));
        return Combinators.combine(words, Arbitraries.of("", "", " (Build 7A)", " (v2)", "!")).as(String::concat);
    }

    @Provide
    Arbitrary<List<FeatureDraft>> drafts() {
        Arbitrary<FeatureDraft> draft = Combinators.combine(name(), Arbitraries.integers().between(-1, 6),
                Arbitraries.of(true, false)).as((n, number, ownId) -> {
                    FeatureDraft d = new FeatureDraft();
                    d.name = n;
                    d.number = number;
                    d.id = ownId ? TextScan.slug(n) : "US" + (number + 1);
                    return d;
                });
        return draft.list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<String>> dependencies() {
        Arbitrary<String> dep = Arbitraries.oneOf(name(), Arbitraries.of(WORDS),
                Arbitraries.integers().between(0, 14).map(n -> "Feature " + n),
                Arbitraries.integers().between(0, 14).map(n -> "#" + n),
                name().map(n -> TextScan.slug(n)), Arbitraries.of("US1", "us2", "", "  ", "(x)", "user-auth"));
        return dep.list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<Endpoint>> endpoints() {
        Arbitrary<String> seg = Arbitraries.of("users", "api", "{id}", ":id", "<id>", "[id]", "1", "2", "", "items");
        Arbitrary<String> path = seg.list().ofMinSize(1).ofMaxSize(4).map(l -> "/" + String.join("/", l));
        return Combinators.combine(Arbitraries.of("GET", "POST", "DELETE"), path).as(Endpoint::new).list()
                .ofMaxSize(10);
    }
}
