package dev.buildrunner.cli;

import dev.buildrunner.store.State;

/** Helpers the state commands share. */
final class StateCommands {
    private StateCommands() {
    }

    /** The head state, or a CliException telling the user to run {@code br sync}. */
    static State requireState(Workspace ws) {
        return ws.store().read().orElseThrow(() -> new CliException(ws.repository().getDirectory()
                + ": no plan on the buildrunner branch yet; run 'br sync' first"));
    }
}
