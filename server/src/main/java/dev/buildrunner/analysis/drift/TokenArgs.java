package dev.buildrunner.analysis.drift;

import java.util.ArrayList;
import java.util.List;

/**
 * Reading call and annotation arguments from {@link Token}s: matching brackets, splitting at
 * top-level commas, named ({@code name = value}) and positional arguments. Pure.
 */
final class TokenArgs {
    private TokenArgs() {
    }

    /** Index of the bracket closing the one at {@code open} ({@code ( [ {}), or the last index when unclosed. */
    static int closing(List<Token> t, int open) {
        int depth = 0;
        for (int j = open; j < t.size(); j++) {
            Token tok = t.get(j);
            if (tok.isPunct('(') || tok.isPunct('[') || tok.isPunct('{')) {
                depth++;
            } else if (tok.isPunct(')') || tok.isPunct(']') || tok.isPunct('}')) {
                if (--depth == 0) {
                    return j;
                }
            }
        }
        return t.size() - 1;
    }

    /** The arguments between brackets, split at top-level commas. */
    static List<List<Token>> split(List<Token> args) {
        List<List<Token>> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int j = 0; j < args.size(); j++) {
            Token tok = args.get(j);
            if (tok.isPunct('(') || tok.isPunct('[') || tok.isPunct('{')) {
                depth++;
            } else if (tok.isPunct(')') || tok.isPunct(']') || tok.isPunct('}')) {
                depth--;
            } else if (depth == 0 && tok.isPunct(',')) {
                out.add(args.subList(start, j));
                start = j + 1;
            }
        }
        if (start < args.size()) {
            out.add(args.subList(start, args.size()));
        }
        return out;
    }

    /** The name of a named argument ({@code value = ...}), or null for a positional one. */
    static String name(List<Token> arg) {
        if (arg.size() >= 2 && arg.get(0).kind() == Token.Kind.WORD && arg.get(1).isPunct('=')
                && !(arg.size() >= 3 && arg.get(2).isPunct('='))) {
            return arg.get(0).text();
        }
        return null;
    }

    /** The string literals of an argument, in order. */
    static List<String> strings(List<Token> arg) {
        List<String> out = new ArrayList<>();
        for (Token tok : arg) {
            if (tok.isString()) {
                out.add(tok.text());
            }
        }
        return out;
    }

    /** The strings of the positional arguments and of the named ones called {@code names}. */
    static List<String> pathStrings(List<Token> args, List<String> names) {
        List<String> out = new ArrayList<>();
        for (List<Token> arg : split(args)) {
            String n = name(arg);
            if (n == null) {
                out.addAll(strings(arg));
            } else if (names.contains(n)) {
                out.addAll(strings(arg.subList(2, arg.size())));
            }
        }
        return out;
    }

    /** The token at {@code k}, or null past either end. */
    static Token at(List<Token> t, int k) {
        return k >= 0 && k < t.size() ? t.get(k) : null;
    }
}
