package dev.buildrunner.analysis.gaps.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The annotations of a Java or Kotlin file grouped by the declaration they belong to: a
 * {@link Group} is a run of annotations with only white space between them, followed by a
 * declaration (a class with its body range, or a member). Read on {@link CodeText#code()}, so
 * annotations in comments and strings do not exist. Pure.
 */
public final class Annotations {
    private static final Pattern AT = Pattern.compile("@([A-Za-z_][\\w.]*)");
    private static final Pattern KEYWORD = Pattern.compile("^\\s*([A-Za-z_]\\w*)\\s*[=:](?![=:])");
    private static final Pattern CLASS_DECL = Pattern.compile(
            "(?:(?:public|protected|private|abstract|final|static|sealed|non-sealed|open|data|internal|inner|strictfp)\\s+)*"
                    + "(?:class|interface|enum|record|object)\\s+[A-Za-z_$]");

    /**
     * One annotation.
     *
     * @param name simple name ({@code GetMapping} for {@code @org.x.GetMapping})
     * @param offset where the {@code @} is
     * @param args the text between its parentheses ({@link CodeText#text()} view), {@code null} when it has none
     * @param argsOffset where {@code args} starts
     */
    public record Annotation(String name, int offset, String args, int argsOffset) {
    }

    /**
     * Annotations on one declaration.
     *
     * @param annotations in source order
     * @param classBody for a class (interface, enum, record, Kotlin object): the offsets of its
     *     body's braces, start inclusive and end exclusive; {@code null} for a member
     */
    public record Group(List<Annotation> annotations, int[] classBody) {
        /** The first annotation with this simple name. */
        public Optional<Annotation> get(String name) {
            return annotations.stream().filter(a -> a.name().equals(name)).findFirst();
        }

        /** True for a class declaration. */
        public boolean isClass() {
            return classBody != null;
        }

        /** The offset of the first annotation. */
        public int offset() {
            return annotations.get(0).offset();
        }
    }

    private Annotations() {
    }

    /** Every annotation group of the file, in source order. */
    public static List<Group> groups(CodeText ct) {
        String code = ct.code();
        List<Group> groups = new ArrayList<>();
        List<Annotation> run = new ArrayList<>();
        int runEnd = -1;
        Matcher m = AT.matcher(code);
        int from = 0;
        while (from < code.length() && m.find(from)) {
            if (m.group(1).equals("interface")) { // @interface declares an annotation type
                from = m.end();
                continue;
            }
            if (!run.isEmpty() && !blank(code, runEnd, m.start())) {
                groups.add(close(ct, run, runEnd));
                run = new ArrayList<>();
            }
            String qualified = m.group(1);
            String name = qualified.substring(qualified.lastIndexOf('.') + 1);
            int end = m.end();
            int open = ct.skipSpace(end);
            String args = null;
            int argsOffset = -1;
            if (open < code.length() && code.charAt(open) == '(') {
                int close = ct.closing(open);
                args = ct.text().substring(open + 1, Math.min(close, code.length()));
                argsOffset = open + 1;
                end = Math.min(close + 1, code.length());
            }
            run.add(new Annotation(name, m.start(), args, argsOffset));
            runEnd = end;
            from = end;
        }
        if (!run.isEmpty()) {
            groups.add(close(ct, run, runEnd));
        }
        return groups;
    }

    private static Group close(CodeText ct, List<Annotation> run, int runEnd) {
        String code = ct.code();
        int at = ct.skipSpace(runEnd);
        Matcher m = CLASS_DECL.matcher(code).region(at, code.length());
        int[] body = null;
        if (m.lookingAt()) {
            int brace = code.indexOf('{', m.end());
            int semi = code.indexOf(';', m.end());
            if (brace >= 0 && (semi < 0 || brace < semi || code.startsWith("record", at))) {
                body = new int[] {brace, ct.closing(brace) + 1};
            } else {
                body = new int[] {m.end(), m.end()};
            }
        }
        return new Group(List.copyOf(run), body);
    }

    private static boolean blank(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Splits an argument list at its top-level commas into {@code [name, value]} pairs; a
     * positional argument has the name {@code ""}. Works on the {@link CodeText#text()} view:
     * commas inside strings, brackets and parentheses do not split.
     *
     * @return for each argument: its name, its value text and the value's offset within {@code args}
     */
    public static List<Arg> args(String args) {
        List<Arg> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        char quote = 0;
        for (int i = 0; i <= args.length(); i++) {
            char c = i < args.length() ? args.charAt(i) : ',';
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if ("([{".indexOf(c) >= 0) {
                depth++;
            } else if (")]}".indexOf(c) >= 0) {
                depth--;
            } else if (c == ',' && depth == 0) {
                addArg(args, start, i, out);
                start = i + 1;
            }
        }
        return out;
    }

    /**
     * One argument of a call or annotation.
     *
     * @param name the keyword ({@code value}, {@code prefix}) or {@code ""} when positional
     * @param value the value's text, trimmed
     * @param offset where the value starts within the argument list
     */
    public record Arg(String name, String value, int offset) {
    }

    private static void addArg(String args, int start, int end, List<Arg> out) {
        String part = args.substring(start, end);
        if (part.isBlank()) {
            return;
        }
        Matcher m = KEYWORD.matcher(part);
        int lead = 0;
        while (lead < part.length() && Character.isWhitespace(part.charAt(lead))) {
            lead++;
        }
        if (m.find()) {
            int v = m.end();
            while (v < part.length() && Character.isWhitespace(part.charAt(v))) {
                v++;
            }
            out.add(new Arg(m.group(1), part.substring(v).trim(), start + v));
        } else {
            out.add(new Arg("", part.trim(), start + lead));
        }
    }
}
