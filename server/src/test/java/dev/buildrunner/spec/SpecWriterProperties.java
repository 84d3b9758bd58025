package dev.buildrunner.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random edits of the requirement and criteria lists of random features of the BuildRunner-format
 * real specs: the result reads back as the edit, other features are unchanged, and every line
 * outside the feature is untouched.
 */
class SpecWriterProperties {

    private static final SpecWriter WRITER = new SpecWriter(Specs.PARSER);
    private static final List<Spec> SPECS = Specs.buildRunnerSpecs().stream().map(Specs::spec).toList();

    record Case(Spec spec, int feature, List<int[]> reqOps, List<int[]> acOps, List<String> words) {
    }

    @Property(tries = 150)
    void listEditsReadBackAndStayInsideTheFeature(@ForAll("cases") Case c) {
        Feature f = c.spec().features().get(c.feature() % c.spec().features().size());
        List<String> reqs = apply(f.requirements(), c.reqOps(), c.words());
        List<String> ac = apply(f.acceptanceCriteria(), c.acOps(), c.words());
        Feature edited = new Feature(f.id(), f.name(), f.lines(), f.complexity(), f.priority(), f.description(),
                reqs, f.files(), f.dependencies(), ac, f.endpoints(), f.attributes());

        Spec after = WRITER.replaceFeature(c.spec(), edited);

        Feature now = after.features().get(c.spec().features().indexOf(f));
        assertThat(now.requirements()).isEqualTo(reqs);
        assertThat(now.acceptanceCriteria()).isEqualTo(ac);
        assertThat(now.sameContent(edited)).isTrue();
        SpecWriterTest.assertOnlyInside(c.spec().source(), after.source(), f.lines());
        SpecWriterTest.assertOthersUnchanged(c.spec(), after, f.id());
    }

    private static List<String> apply(List<String> list, List<int[]> ops, List<String> words) {
        List<String> out = new ArrayList<>(list);
        int w = 0;
        for (int[] op : ops) {
            String text = words.get(w++ % words.size()) + " " + words.get(w++ % words.size());
            int at = out.isEmpty() ? 0 : op[1] % (out.size() + 1);
            switch (op[0] % 3) {
                case 0 -> out.add(at, text);
                case 1 -> {
                    if (!out.isEmpty()) {
                        out.remove(Math.min(at, out.size() - 1));
                    }
                }
                default -> {
                    if (!out.isEmpty()) {
                        out.set(Math.min(at, out.size() - 1), text);
                    }
                }
            }
        }
        return out;
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<int[]> op = Arbitraries.integers().between(0, 1000).array(int[].class).ofSize(2);
        Arbitrary<String> word = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10);
        return Combinators.combine(Arbitraries.of(SPECS), Arbitraries.integers().between(0, 100),
                op.list().ofMaxSize(5), op.list().ofMaxSize(5), word.list().ofMinSize(2).ofMaxSize(10))
                .as(Case::new);
    }
}
