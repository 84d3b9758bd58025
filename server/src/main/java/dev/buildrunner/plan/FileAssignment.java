package dev.buildrunner.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Gives each of a feature's files to the requirement whose words it matches best, so that a
 * requirement's task lists the files it creates or changes.
 *
 * <p>Score of a file for a requirement: the sum, over the file's path tokens ({@link Words#pathTokens})
 * that match a token of the requirement ({@link Words#match}), of {@code 1 / n}, where {@code n}
 * is the number of the feature's requirements that token matches: a word every requirement shares
 * ("build" in a build feature) counts little, a word only one requirement has counts fully (the
 * inverse document frequency idea, without the logarithm). The highest score wins; a tie goes to
 * the earliest requirement; a file scoring 0 everywhere is unmatched.
 */
final class FileAssignment {

    private final List<List<String>> byRequirement;
    private final List<String> unmatched;

    private FileAssignment(List<List<String>> byRequirement, List<String> unmatched) {
        this.byRequirement = byRequirement;
        this.unmatched = unmatched;
    }

    /**
     * Assigns files to requirements.
     *
     * @param requirements requirement texts in spec order
     * @param files repository-relative paths in spec order
     * @return per requirement its files (spec order), plus the unmatched files (spec order)
     */
    static FileAssignment assign(List<String> requirements, List<String> files) {
        List<List<String>> byRequirement = new ArrayList<>(requirements.size());
        List<List<String>> reqTokens = new ArrayList<>(requirements.size());
        for (String r : requirements) {
            byRequirement.add(new ArrayList<>());
            reqTokens.add(Words.tokens(r));
        }
        List<String> unmatched = new ArrayList<>();
        for (String file : files) {
            double[] scores = new double[requirements.size()];
            boolean[] hit = new boolean[requirements.size()];
            for (String ft : Words.pathTokens(file)) {
                int n = 0;
                for (int r = 0; r < reqTokens.size(); r++) {
                    hit[r] = contains(reqTokens.get(r), ft);
                    if (hit[r]) {
                        n++;
                    }
                }
                for (int r = 0; n > 0 && r < reqTokens.size(); r++) {
                    if (hit[r]) {
                        scores[r] += 1.0 / n;
                    }
                }
            }
            int best = -1;
            for (int r = 0; r < scores.length; r++) {
                if (scores[r] > 0 && (best < 0 || scores[r] > scores[best])) {
                    best = r;
                }
            }
            if (best < 0) {
                unmatched.add(file);
            } else {
                byRequirement.get(best).add(file);
            }
        }
        return new FileAssignment(byRequirement, unmatched);
    }

    List<String> filesOf(int requirement) {
        return byRequirement.get(requirement);
    }

    List<String> unmatched() {
        return unmatched;
    }

    private static boolean contains(List<String> tokens, String token) {
        for (String t : tokens) {
            if (Words.match(t, token)) {
                return true;
            }
        }
        return false;
    }
}
