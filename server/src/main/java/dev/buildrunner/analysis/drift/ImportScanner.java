package dev.buildrunner.analysis.drift;

import dev.buildrunner.analysis.drift.ImportRef.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The dependencies a source file declares, read from its {@link SourceLexer tokens} (so nothing in
 * comments or strings counts):
 * <ul>
 *   <li>Java: {@code import [static] a.b.C;}, {@code import a.b.*;} and fully qualified
 *       references in code ({@code dev.buildrunner.spec.Spec x = ...}: two or more lower-case
 *       package segments, then an UpperCamelCase type; {@code this.a.b} and {@code CONSTANT}s are
 *       not types);</li>
 *   <li>Kotlin: {@code import a.b.C [as D]} at the start of a line, and the same references;</li>
 *   <li>JS/TS: {@code import ... from 'm'}, {@code import 'm'}, {@code import('m')},
 *       {@code export ... from 'm'}, {@code require('m')};</li>
 *   <li>Python: {@code import a.b [as c], d} and {@code from [.]a import b, c} (each imported name
 *       is one dependency, {@code a.b}, as it may be a module) at the start of a line.</li>
 * </ul>
 * Pure and thread-safe.
 */
final class ImportScanner {
    private static final Pattern PACKAGE_SEGMENT = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern TYPE_SEGMENT = Pattern.compile("[A-Z][A-Za-z0-9_]*[a-z][A-Za-z0-9_]*");
    private static final Set<String> NOT_PACKAGES = Set.of("this", "super", "it", "outer");
    /** How far a JS/TS import or export statement is followed looking for its {@code from}. */
    private static final int MAX_STATEMENT_TOKENS = 400;

    private ImportScanner() {
    }

    /**
     * The imports of a file in line order, or none for a language the analyser does not read
     * ({@link Syntax#of}).
     */
    static List<ImportRef> scan(String path, String text) {
        List<Token> t = SourceLexer.tokens(path, text);
        return Syntax.of(path).map(syntax -> switch (syntax) {
            case JAVA -> jvm(t, false);
            case KOTLIN -> jvm(t, true);
            case SCRIPT -> script(t);
            case PYTHON -> python(t);
        }).orElse(List.of());
    }

    private static List<ImportRef> jvm(List<Token> t, boolean kotlin) {
        List<ImportRef> refs = new ArrayList<>();
        for (int k = 0; k < t.size(); k++) {
            Token tok = t.get(k);
            if (afterDot(t, k) || tok.kind() != Token.Kind.WORD) {
                continue;
            }
            boolean imp = tok.isWord("import");
            if ((imp || tok.isWord("package")) && (!kotlin || tok.lineStart())) {
                int j = k + 1;
                if (imp && !kotlin && j < t.size() && t.get(j).isWord("static")) {
                    j++;
                }
                List<String> segs = new ArrayList<>();
                j = dotted(t, j, segs);
                if (imp && !segs.isEmpty()) {
                    refs.add(new ImportRef(Kind.PACKAGE, String.join(".", segs), tok.line()));
                }
                k = j - 1;
            } else if (PACKAGE_SEGMENT.matcher(tok.text()).matches() && !NOT_PACKAGES.contains(tok.text())) {
                List<String> segs = new ArrayList<>();
                int j = dotted(t, k, segs);
                int type = -1;
                for (int x = 0; x < segs.size(); x++) {
                    if (TYPE_SEGMENT.matcher(segs.get(x)).matches()) {
                        type = x;
                        break;
                    }
                    if (!PACKAGE_SEGMENT.matcher(segs.get(x)).matches()) {
                        break;
                    }
                }
                if (type >= 2) {
                    refs.add(new ImportRef(Kind.PACKAGE, String.join(".", segs.subList(0, type + 1)), tok.line()));
                }
                k = j - 1;
            }
        }
        return refs;
    }

    /** Reads {@code WORD (. WORD)*}, and a trailing {@code .*}, from {@code j}; returns the index after it. */
    private static int dotted(List<Token> t, int j, List<String> segs) {
        if (j >= t.size() || t.get(j).kind() != Token.Kind.WORD) {
            return j;
        }
        segs.add(t.get(j).text());
        j++;
        while (j + 1 < t.size() && t.get(j).isPunct('.')) {
            Token next = t.get(j + 1);
            if (next.kind() == Token.Kind.WORD) {
                segs.add(next.text());
                j += 2;
            } else {
                if (next.isPunct('*')) {
                    j += 2;
                }
                break;
            }
        }
        return j;
    }

    private static List<ImportRef> script(List<Token> t) {
        List<ImportRef> refs = new ArrayList<>();
        for (int k = 0; k < t.size(); k++) {
            Token tok = t.get(k);
            if (afterDot(t, k) || tok.kind() != Token.Kind.WORD) {
                continue;
            }
            if (tok.isWord("import") || tok.isWord("export")) {
                Token next = at(t, k + 1);
                if (tok.isWord("import") && next != null && next.isString()) {
                    refs.add(module(next.text(), tok.line()));
                } else if (tok.isWord("import") && next != null && next.isPunct('(') && isString(at(t, k + 2))) {
                    refs.add(module(t.get(k + 2).text(), tok.line()));
                } else if (next != null && !next.isPunct('.') && !next.isPunct('(')) {
                    int from = fromClause(t, k + 1);
                    if (from > 0) {
                        refs.add(module(t.get(from + 1).text(), tok.line()));
                        k = from + 1;
                    }
                }
            } else if (tok.isWord("require") && isPunct(at(t, k + 1), '(') && isString(at(t, k + 2))
                    && isPunct(at(t, k + 3), ')')) {
                refs.add(module(t.get(k + 2).text(), tok.line()));
            }
        }
        return refs;
    }

    /**
     * In {@code import X, {a, b} from 'm'} or {@code export * as ns from 'm'}: the index of the
     * {@code from} followed by a string, or -1 when the clause has none (a plain
     * {@code export const ...}).
     */
    private static int fromClause(List<Token> t, int j) {
        int depth = 0;
        for (int n = 0; j < t.size() && n < MAX_STATEMENT_TOKENS; j++, n++) {
            Token tok = t.get(j);
            if (tok.isPunct('{')) {
                depth++;
            } else if (tok.isPunct('}')) {
                if (--depth < 0) {
                    return -1;
                }
            } else if (depth == 0) {
                if (tok.isWord("from") && isString(at(t, j + 1))) {
                    return j;
                }
                boolean clausePart = tok.kind() == Token.Kind.WORD || tok.isPunct(',') || tok.isPunct('*');
                if (!clausePart || tok.isWord("import") || tok.isWord("export") || tok.isWord("function")
                        || tok.isWord("class") || tok.isWord("const") || tok.isWord("let") || tok.isWord("var")) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static ImportRef module(String spec, int line) {
        boolean relative = spec.equals(".") || spec.equals("..") || spec.startsWith("./") || spec.startsWith("../");
        return new ImportRef(relative ? Kind.RELATIVE : Kind.MODULE, spec, line);
    }

    private static List<ImportRef> python(List<Token> t) {
        List<ImportRef> refs = new ArrayList<>();
        for (int k = 0; k < t.size(); k++) {
            Token tok = t.get(k);
            if (!tok.lineStart()) {
                continue;
            }
            if (tok.isWord("import")) {
                int j = k + 1;
                while (true) {
                    List<String> segs = new ArrayList<>();
                    j = dotted(t, j, segs);
                    if (segs.isEmpty()) {
                        break;
                    }
                    refs.add(new ImportRef(Kind.PACKAGE, String.join(".", segs), tok.line()));
                    if (isWord(at(t, j), "as")) {
                        j += 2;
                    }
                    if (!isPunct(at(t, j), ',')) {
                        break;
                    }
                    j++;
                }
                k = j - 1;
            } else if (tok.isWord("from")) {
                k = pythonFrom(t, k, refs) - 1;
            }
        }
        return refs;
    }

    /** Reads {@code from [dots]module import names}; returns the index after it. */
    private static int pythonFrom(List<Token> t, int k, List<ImportRef> refs) {
        int j = k + 1;
        StringBuilder base = new StringBuilder();
        while (isPunct(at(t, j), '.')) {
            base.append('.');
            j++;
        }
        boolean relative = base.length() > 0;
        List<String> segs = new ArrayList<>();
        if (!isWord(at(t, j), "import")) {
            j = dotted(t, j, segs);
        }
        base.append(String.join(".", segs));
        if (!isWord(at(t, j), "import") || base.length() == 0) {
            return j;
        }
        j++;
        boolean paren = isPunct(at(t, j), '(');
        if (paren) {
            j++;
        }
        Kind kind = relative ? Kind.RELATIVE : Kind.PACKAGE;
        int line = t.get(k).line();
        if (isPunct(at(t, j), '*')) {
            refs.add(new ImportRef(kind, base.toString(), line));
            return j + 1;
        }
        boolean any = false;
        while (at(t, j) != null && t.get(j).kind() == Token.Kind.WORD) {
            String sep = base.charAt(base.length() - 1) == '.' ? "" : ".";
            refs.add(new ImportRef(kind, base + sep + t.get(j).text(), line));
            any = true;
            j++;
            if (isWord(at(t, j), "as")) {
                j += 2;
            }
            if (!isPunct(at(t, j), ',')) {
                break;
            }
            j++;
        }
        if (!any) {
            refs.add(new ImportRef(kind, base.toString(), line));
        }
        return j;
    }

    private static boolean afterDot(List<Token> t, int k) {
        return k > 0 && t.get(k - 1).isPunct('.');
    }

    private static Token at(List<Token> t, int k) {
        return k >= 0 && k < t.size() ? t.get(k) : null;
    }

    private static boolean isString(Token tok) {
        return tok != null && tok.isString();
    }

    private static boolean isPunct(Token tok, char c) {
        return tok != null && tok.isPunct(c);
    }

    private static boolean isWord(Token tok, String w) {
        return tok != null && tok.isWord(w);
    }
}
