package dev.buildrunner.spec;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Objects;

/**
 * Test helpers: a parse written out field by field, so that two parses can be compared whole
 * (features, diagnostics, the writer's layout of every feature, where a new feature goes).
 */
final class Parses {

    private Parses() {
    }

    /** Everything a detailed parse holds, as text; equal texts mean equal parses. */
    static String describe(SpecParser.Parsed p) {
        StringBuilder sb = new StringBuilder();
        sb.append(p.result()).append('\n');
        sb.append(p.placement()).append('\n');
        sb.append(p.source().source().equals(p.result().spec().source())).append('\n');
        for (FeatureDraft d : p.drafts()) {
            sb.append(describe(d)).append('\n');
        }
        return sb.toString();
    }

    /**
     * Asserts two detailed parses are equal: results, placement, source and every field of every
     * draft. Compares values, not their text, so it is cheap on large specs.
     */
    static void assertSame(SpecParser.Parsed actual, SpecParser.Parsed expected) {
        if (!actual.result().equals(expected.result())) {
            throw new AssertionError("results differ:\n" + actual.result() + "\n" + expected.result());
        }
        if (!actual.placement().equals(expected.placement())
                || !actual.source().source().equals(expected.source().source())
                || actual.drafts().size() != expected.drafts().size()) {
            throw new AssertionError("parses differ:\n" + describe(actual) + "\n" + describe(expected));
        }
        for (int i = 0; i < actual.drafts().size(); i++) {
            FeatureDraft a = actual.drafts().get(i);
            FeatureDraft e = expected.drafts().get(i);
            for (Field f : FeatureDraft.class.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !Objects.equals(value(f, a), value(f, e))) {
                    throw new AssertionError("draft " + i + " differs in " + f.getName() + ":\n" + describe(a) + "\n"
                            + describe(e));
                }
            }
        }
    }

    private static Object value(Field f, FeatureDraft d) {
        try {
            f.setAccessible(true);
            return f.get(d);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read FeatureDraft." + f.getName(), e);
        }
    }

    /** Every field of a draft (found by reflection, so that a field added later is compared too). */
    static String describe(FeatureDraft d) {
        StringBuilder sb = new StringBuilder("draft");
        for (Field f : FeatureDraft.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            sb.append(' ').append(f.getName()).append('=').append(value(f, d));
        }
        return sb.toString();
    }

    /** The blocks of a document, one line each, children indented. */
    static String describe(List<MdBlock> blocks) {
        StringBuilder sb = new StringBuilder();
        for (MdBlock b : blocks) {
            b.describe(sb, 0);
        }
        return sb.toString();
    }
}
