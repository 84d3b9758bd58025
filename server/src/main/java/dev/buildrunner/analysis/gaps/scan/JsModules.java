package dev.buildrunner.analysis.gaps.scan;

import dev.buildrunner.analysis.gaps.code.Language;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The module facts of a JavaScript or TypeScript file: ES and CommonJS imports and exports, and
 * whether it imports a frontend framework or a server framework. What {@link RouteResolver}
 * needs to follow {@code app.use("/api", usersRouter)} into {@code routes/users.js}.
 */
final class JsModules implements Extractor {
    private static final String ID = "[A-Za-z_$][\\w$]*+";
    private static final Pattern IMPORT_DEFAULT = Pattern.compile(
            "import\\s++(" + ID + ")\\s*(?:,\\s*\\{([^}]*)\\})?\\s*from\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern IMPORT_NAMED = Pattern.compile(
            "import\\s*+(?:type\\s+)?\\{([^}]*)\\}\\s*from\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern IMPORT_STAR = Pattern.compile(
            "import\\s*+\\*\\s*as\\s+(" + ID + ")\\s+from\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern REQUIRE = Pattern.compile("require\\s*+\\(\\s*+['\"]([^'\"\\n]+)['\"]\\s*+\\)");
    private static final Pattern REQUIRED_AS = Pattern.compile("(?:const|let|var)\\s++(" + ID + ")\\s*+=\\s*+$");
    private static final Pattern REQUIRED_NAMED = Pattern.compile("(?:const|let|var)\\s*+\\{([^}]*)\\}\\s*+=\\s*+$");
    private static final Pattern NOT_PLAIN = Pattern.compile("^\\s*+[.(]");
    private static final Pattern SPECIFIER = Pattern.compile("(?:from|import)\\s*+\\(?\\s*+['\"]([^'\"\\n]+)['\"]");
    private static final Pattern EXPORTS_NAME = Pattern.compile("module\\.exports\\s*=\\s*(" + ID + ")\\s*(?:;|$)",
            Pattern.MULTILINE);
    private static final Pattern EXPORTS_OBJECT = Pattern.compile("module\\.exports\\s*=\\s*\\{([^}]*)\\}");
    private static final Pattern EXPORTS_PROPERTY = Pattern.compile(
            "exports\\.(" + ID + ")\\s*+=\\s*+(" + ID + ")\\s*+(?:;|$)", Pattern.MULTILINE);
    private static final Pattern EXPORT_DEFAULT = Pattern.compile("export\\s++default\\s++(" + ID + ")\\s*(?:;|$)",
            Pattern.MULTILINE);
    private static final Pattern EXPORT_DECL = Pattern.compile(
            "export\\s++(?:const|let|var|function|class|async\\s+function)\\s++(" + ID + ")");
    private static final Pattern EXPORT_LIST = Pattern.compile("export\\s*+\\{([^}]*)\\}(?!\\s*from)");
    private static final Pattern IDENT = Pattern.compile(ID);
    private static final Set<String> FRONTEND = Set.of("react", "react-dom", "vue", "svelte", "preact", "solid-js",
            "swr", "pinia", "vuex", "nuxt", "next/link", "next/router", "next/navigation", "react-router",
            "react-router-dom", "vue-router", "@tanstack/react-query", "@tanstack/vue-query");
    private static final Set<String> SERVER = Set.of("express", "koa", "@koa/router", "koa-router", "fastify",
            "@hapi/hapi", "hapi", "http", "node:http", "https", "node:https", "next/server", "hono");

    @Override
    public boolean accepts(Src src) {
        return src.lang() == Language.JS || src.lang() == Language.SFC;
    }

    @Override
    public void scan(Src src, FileScan.Builder out) {
        String t = src.text();
        boolean imports = t.contains("import");
        boolean requires = t.contains("require");
        if (imports || t.contains("from")) {
            Matcher m = SPECIFIER.matcher(t);
            while (m.find()) {
                if (Src.wordStart(t, m.start())) {
                    flags(m.group(1), out);
                }
            }
        }
        if (imports) {
            Matcher m = IMPORT_DEFAULT.matcher(t);
            while (m.find()) {
                if (Src.wordStart(t, m.start())) {
                    out.imports.add(new FileScan.ImportDecl(m.group(1), m.group(3), "default"));
                    if (m.group(2) != null) {
                        named(m.group(2), m.group(3), " as ", out);
                    }
                }
            }
            m = IMPORT_NAMED.matcher(t);
            while (m.find()) {
                if (Src.wordStart(t, m.start())) {
                    named(m.group(1), m.group(2), " as ", out);
                }
            }
            m = IMPORT_STAR.matcher(t);
            while (m.find()) {
                if (Src.wordStart(t, m.start())) {
                    out.imports.add(new FileScan.ImportDecl(m.group(1), m.group(2), "*"));
                }
            }
        }
        if (requires) {
            requires(t, out);
        }
        if (t.contains("export")) {
            exports(t, out);
        }
    }

    /** {@code const x = require('m')} and {@code const {a, b: c} = require('m')}: the text before each call decides. */
    private static void requires(String t, FileScan.Builder out) {
        Matcher m = REQUIRE.matcher(t);
        while (m.find()) {
            if (!Src.wordStart(t, m.start())) {
                continue;
            }
            flags(m.group(1), out);
            String before = t.substring(Math.max(0, m.start() - 300), m.start());
            Matcher as = REQUIRED_AS.matcher(before);
            if (as.find() && !NOT_PLAIN.matcher(t.substring(m.end(), Math.min(t.length(), m.end() + 20))).find()) {
                out.imports.add(new FileScan.ImportDecl(as.group(1), m.group(1), "default"));
                continue;
            }
            Matcher named = REQUIRED_NAMED.matcher(before);
            if (named.find()) {
                named(named.group(1), m.group(1), ":", out);
            }
        }
    }

    private static void flags(String spec, FileScan.Builder out) {
        if (FRONTEND.contains(spec) || spec.startsWith("@angular/") || spec.startsWith("@vue/")) {
            out.frontendImports = true;
        }
        if (SERVER.contains(spec) || spec.startsWith("@nestjs/")) {
            out.serverImports = true;
        }
    }

    private static void exports(String t, FileScan.Builder out) {
        Matcher m = EXPORTS_NAME.matcher(t);
        while (m.find()) {
            out.exports.putIfAbsent("default", m.group(1));
        }
        m = EXPORTS_OBJECT.matcher(t);
        while (m.find()) {
            for (String part : m.group(1).split(",")) {
                String[] kv = part.split(":");
                String key = kv[0].trim();
                String value = kv.length > 1 ? kv[1].trim() : key;
                if (isId(key) && isId(value)) {
                    out.exports.putIfAbsent(key, value);
                }
            }
        }
        m = EXPORTS_PROPERTY.matcher(t);
        while (m.find()) {
            int b = m.start() - 1;
            if (b < 0 || !(Character.isLetterOrDigit(t.charAt(b)) || t.charAt(b) == '_' || t.charAt(b) == '$')) {
                out.exports.putIfAbsent(m.group(1), m.group(2));
            }
        }
        m = EXPORT_DEFAULT.matcher(t);
        while (m.find()) {
            if (!Src.wordStart(t, m.start())) {
                continue;
            }
            out.exports.putIfAbsent("default", m.group(1));
        }
        m = EXPORT_DECL.matcher(t);
        while (m.find()) {
            if (!Src.wordStart(t, m.start())) {
                continue;
            }
            out.exports.putIfAbsent(m.group(1), m.group(1));
        }
        m = EXPORT_LIST.matcher(t);
        while (m.find()) {
            for (String part : m.group(1).split(",")) {
                String[] ab = part.trim().split("\\s+as\\s+");
                if (isId(ab[0])) {
                    out.exports.putIfAbsent(ab.length > 1 ? ab[1].trim() : ab[0], ab[0]);
                }
            }
        }
    }

    /** {@code a, b as c} (ES) or {@code a, b: c} (destructuring) from {@code module}. */
    private static void named(String list, String module, String rename, FileScan.Builder out) {
        for (String part : list.split(",")) {
            String p = part.trim();
            if (p.startsWith("type ")) {
                p = p.substring(5).trim();
            }
            if (p.isEmpty()) {
                continue;
            }
            String[] ab = p.split(rename.equals(":") ? "\\s*:\\s*" : "\\s+as\\s+");
            String name = ab[0].trim();
            String local = ab.length > 1 ? ab[1].trim() : name;
            if (isId(name) && isId(local)) {
                out.imports.add(new FileScan.ImportDecl(local, module, name));
            }
        }
    }

    private static boolean isId(String s) {
        return IDENT.matcher(s).matches();
    }
}
