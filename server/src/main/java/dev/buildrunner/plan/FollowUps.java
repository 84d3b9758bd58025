package dev.buildrunner.plan;

import dev.buildrunner.plan.TaskDraft.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Titles of follow-up tasks: what changed since a done task. "Revise: old → new" when the source
 * text changed, else "Revise: title (what changed)".
 */
final class FollowUps {

    static final String PREFIX = "Revise: ";
    static final String ARROW = " → ";

    private FollowUps() {
    }

    /**
     * The title of a follow-up of a done task.
     *
     * @param done the done task being revised
     * @param fresh the freshly generated task holding the new content
     * @param kind what the fresh task was generated from
     */
    static String title(Task done, Task fresh, Kind kind) {
        String before = sourceTitle(done);
        if (!Hashes.normalize(before).equals(Hashes.normalize(fresh.title()))) {
            return PREFIX + before + ARROW + fresh.title();
        }
        return PREFIX + fresh.title() + " (" + whatChanged(done, fresh, kind) + ")";
    }

    /** The title a task had before any "Revise:" wrapping: the text it was generated from. */
    static String sourceTitle(Task t) {
        String title = t.title();
        if (t.followUpOf().isEmpty() || !title.startsWith(PREFIX)) {
            return title;
        }
        String rest = title.substring(PREFIX.length());
        int arrow = rest.lastIndexOf(ARROW);
        if (arrow >= 0) {
            return rest.substring(arrow + ARROW.length());
        }
        int paren = rest.lastIndexOf(" (");
        if (paren > 0 && rest.endsWith(")")) {
            return rest.substring(0, paren);
        }
        return rest;
    }

    private static String whatChanged(Task done, Task fresh, Kind kind) {
        if (!done.files().equals(fresh.files())) {
            List<String> parts = new ArrayList<>();
            for (String f : fresh.files()) {
                if (!done.files().contains(f)) {
                    parts.add("+" + f);
                }
            }
            for (String f : done.files()) {
                if (!fresh.files().contains(f)) {
                    parts.add("-" + f);
                }
            }
            if (!parts.isEmpty()) {
                return "files " + String.join(", ", parts);
            }
        }
        return switch (kind) {
            case REQUIREMENT -> "wording changed";
            case TESTS -> "acceptance criteria or test files changed";
            case INTEGRATION_TESTS -> "acceptance criteria or endpoints changed";
            case DOCS -> "description or endpoints changed";
            case FILES -> "files changed";
            case IMPLEMENTATION -> "description changed";
        };
    }
}
