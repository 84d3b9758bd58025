package dev.buildrunner.plan;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a task's history: a status change or a regeneration.
 *
 * @param at when it happened (UTC)
 * @param status the status after the event
 * @param by who or what caused it: a user name, {@code planner}, {@code agent}
 * @param note what happened, for example "requirement text changed"; empty when nothing to add
 */
public record TaskEvent(Instant at, TaskStatus status, String by, String note) {
    public TaskEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(note, "note");
    }
}
