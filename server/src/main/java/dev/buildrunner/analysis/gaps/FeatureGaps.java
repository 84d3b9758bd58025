package dev.buildrunner.analysis.gaps;

import java.util.List;

/**
 * What one feature of the spec is missing.
 *
 * @param id the feature's id
 * @param name its name
 * @param line its heading's 1-based line in the spec
 * @param done true when the spec or the plan marks it done
 * @param complete true when nothing it names is missing (files, endpoints, no unsafe path)
 * @param filesNamed files and directories it names
 * @param filesPresent of those, how many exist
 * @param endpointsNamed endpoints it defines
 * @param endpointsPresent of those, how many a route declares
 * @param gaps its gaps, in spec order: missing files, unsafe paths, missing endpoints
 */
public record FeatureGaps(String id, String name, int line, boolean done, boolean complete, int filesNamed,
        int filesPresent, int endpointsNamed, int endpointsPresent, List<Gap> gaps) {
    public FeatureGaps {
        gaps = List.copyOf(gaps);
    }
}
