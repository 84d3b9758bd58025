package dev.buildrunner.store;

import dev.buildrunner.plan.Plan;
import java.util.Locale;
import java.util.Objects;

/**
 * The next state a {@link StateChange} proposes: what to store and what to say about it in the
 * commit message. Summary and author are folded onto one line (line breaks would break the
 * message layout of {@link StateFormat}). The constructor throws IllegalArgumentException for
 * an event that is not a token, a source commit that is not hex, or a blank author: programming
 * errors of the caller.
 *
 * @param specText the full spec text to store at {@link StateFormat#SPEC_PATH}
 * @param plan the full plan to store under {@code plan/} ({@link StateFormat})
 * @param event what happened, a lower-case token such as {@code sync}, {@code task-done}
 * @param summary one line for the commit's first line, for example "2 features changed"; may be empty
 * @param sourceCommit hex id of the code commit that caused the change, or empty for none
 * @param author the person or agent on whose behalf the change is made, not blank
 */
public record Proposal(String specText, Plan plan, String event, String summary, String sourceCommit, String author) {

    public Proposal {
        Objects.requireNonNull(specText, "specText");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(event, "event");
        if (!StateFormat.EVENT_PATTERN.matcher(event).matches()) {
            throw new IllegalArgumentException("expected an event like 'sync' ([a-z][a-z0-9-]*), got: " + event);
        }
        summary = StateFormat.oneLine(Objects.requireNonNull(summary, "summary"));
        sourceCommit = Objects.requireNonNull(sourceCommit, "sourceCommit").strip().toLowerCase(Locale.ROOT);
        if (sourceCommit.equals(StateFormat.NO_SOURCE)) {
            sourceCommit = "";
        }
        if (!sourceCommit.isEmpty() && !StateFormat.SOURCE_PATTERN.matcher(sourceCommit).matches()) {
            throw new IllegalArgumentException("expected a hex commit id or empty sourceCommit, got: " + sourceCommit);
        }
        author = StateFormat.oneLine(Objects.requireNonNull(author, "author"));
        if (author.isEmpty()) {
            throw new IllegalArgumentException("expected a non-blank author, got: '" + author + "'");
        }
    }
}
