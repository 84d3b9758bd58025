package dev.buildrunner.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gives each of a feature's files to the requirement whose words it matches best, so that a
 * requirement's task lists the files it creates or changes.
 *
 * <p>Score of a file for a requirement: the sum, over the file's path tokens ({@link Words#pathTokens})
 * that match a token of the requirement ({@link Words#match}), of {@code w / n}, where {@code n}
 * is the number of the feature's requirements that token matches, and {@code w} is 1 for a word of
 * the file name, {@value #FOLDER_WEIGHT} for a word only its folders have: a word every requirement
 * shares ("build" in a build feature) counts little, a word only one requirement has counts fully
 * (the inverse document frequency idea, without the logarithm). The highest score wins; a tie goes
 * to the requirement matching the earlier word of the file name (in {@code security_checker.py},
 * "security" says more than "checker", as a compound's modifier comes first), then to the earliest
 * requirement; a file scoring 0 everywhere is unmatched.
 */
final class FileAssignment {

    /** Weight of a folder's word against one of the file name: folders group, names specify. */
    static final double FOLDER_WEIGHT = 0.5;

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
            int[] firstHit = new int[requirements.size()];
            Arrays.fill(firstHit, Integer.MAX_VALUE);
            boolean[] hit = new boolean[requirements.size()];
            String path = file.replace('\\', '/');
            int slash = path.lastIndexOf('/');
            List<String> tokens = Words.pathTokens(path.substring(slash + 1));
            int nameTokens = tokens.size();
            for (String t : Words.pathTokens(slash < 0 ? "" : path.substring(0, slash))) {
                if (!tokens.contains(t)) {
                    tokens.add(t);
                }
            }
            for (int k = 0; k < tokens.size(); k++) {
                String ft = tokens.get(k);
                int n = 0;
                for (int r = 0; r < reqTokens.size(); r++) {
                    hit[r] = contains(reqTokens.get(r), ft);
                    if (hit[r]) {
                        n++;
                    }
                }
                double weight = k < nameTokens ? 1.0 : FOLDER_WEIGHT;
                for (int r = 0; n > 0 && r < reqTokens.size(); r++) {
                    if (hit[r]) {
                        scores[r] += weight / n;
                        firstHit[r] = Math.min(firstHit[r], k);
                    }
                }
            }
            int best = -1;
            for (int r = 0; r < scores.length; r++) {
                if (scores[r] > 0 && (best < 0 || scores[r] > scores[best]
                        || (scores[r] == scores[best] && firstHit[r] < firstHit[best]))) {
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
