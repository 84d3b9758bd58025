package dev.buildrunner.forge.status;

import java.util.Locale;
import java.util.Optional;

/**
 * The state of a commit status, as GitHub names them ({@code POST /repos/{owner}/{repo}/statuses/{sha}},
 * body field {@code state}); written in JSON in lower case. Combined statuses use only the first
 * three ({@link CombinedStatus}).
 */
public enum StatusState {
    /** Work on the commit has started and has no outcome yet; the only non-final state. */
    PENDING,
    /** The check passed. */
    SUCCESS,
    /** The check ran and found a problem in the commit (e.g. a spec with errors). */
    FAILURE,
    /** The check could not run (e.g. an internal error); counts as failure in the combined state. */
    ERROR;

    /** The JSON spelling: {@code pending}, {@code success}, {@code failure} or {@code error}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the JSON spelling, case-sensitively as GitHub does.
     *
     * @return the state, or empty for anything else (null included)
     */
    public static Optional<StatusState> fromJson(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (StatusState s : values()) {
            if (s.json().equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
