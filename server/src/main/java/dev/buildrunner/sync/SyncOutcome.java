package dev.buildrunner.sync;

import dev.buildrunner.spec.Diagnostic;
import dev.buildrunner.store.State;
import java.util.List;
import java.util.Objects;

/** What applying a spec version did. */
public sealed interface SyncOutcome {

    /**
     * The spec has errors: nothing was written, the branch keeps its previous state.
     *
     * @param diagnostics every diagnostic of the parse (errors and the rest), in line order
     */
    record Rejected(List<Diagnostic> diagnostics) implements SyncOutcome {
        public Rejected {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * The branch already holds this spec text: no commit.
     *
     * @param state the current state
     */
    record Unchanged(State state) implements SyncOutcome {
        public Unchanged {
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * A new state commit was written.
     *
     * @param state the new head state
     * @param summary what changed, the commit message's first line after the event
     * @param changedFeatures ids of features whose tasks were regenerated
     * @param diagnostics warnings and infos of the parse and the plan
     */
    record Applied(State state, String summary, List<String> changedFeatures, List<Diagnostic> diagnostics)
            implements SyncOutcome {
        public Applied {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(summary, "summary");
            changedFeatures = List.copyOf(changedFeatures);
            diagnostics = List.copyOf(diagnostics);
        }
    }
}
