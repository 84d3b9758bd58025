package dev.buildrunner.plan;

import dev.buildrunner.spec.Spec;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The adaptive planner's guarantees ({@link AdaptivePlannerProperties}) on the real specs, parsed
 * by the spec parser: random marks and random edit sequences starting from each of them.
 */
class RealSpecPlanProperties {

    @Property(tries = 120)
    void regenerationOfRealSpecsKeepsEveryGuarantee(@ForAll("realSpecs") Path file,
            @ForAll("edits") List<SpecEdits.Edit> edits, @ForAll Random random) {
        Spec spec = RealSpecPlanTest.parse(file);
        new AdaptivePlannerProperties().run(spec, edits, random);
    }

    @Provide
    Arbitrary<Path> realSpecs() {
        return Arbitraries.of(RealSpecPlanTest.realSpecs());
    }

    @Provide
    Arbitrary<List<SpecEdits.Edit>> edits() {
        return AdaptivePlannerProperties.edits();
    }
}
