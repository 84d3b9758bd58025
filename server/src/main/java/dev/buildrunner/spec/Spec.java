package dev.buildrunner.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed spec: its features plus the source text it was read from, so that the writer can
 * reproduce it byte for byte and splice edits into it.
 *
 * @param title the document title (first {@code #} heading), empty when none
 * @param format the dialect detected
 * @param overview the overview/introduction/purpose text, empty when none
 * @param features the features in spec order, ids unique
 * @param technicalRequirements items of a top-level technical requirements section, in order
 * @param source the exact text parsed (line endings as in the file)
 */
public record Spec(
        String title,
        SpecFormat format,
        String overview,
        List<Feature> features,
        List<String> technicalRequirements,
        String source) {

    public Spec {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(overview, "overview");
        features = List.copyOf(features);
        technicalRequirements = List.copyOf(technicalRequirements);
        Objects.requireNonNull(source, "source");
    }

    /** The feature with this id, if any. */
    public Optional<Feature> feature(String id) {
        for (Feature f : features) {
            if (f.id().equals(id)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
