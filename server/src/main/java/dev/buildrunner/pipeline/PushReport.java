package dev.buildrunner.pipeline;

import java.util.List;

/**
 * The pipeline's result for one ref: the lines shown to the pusher ({@code remote: buildrunner: ...})
 * and the statuses it posted, in order.
 */
public record PushReport(RefChange change, List<String> lines, List<CommitCheck> checks) {
    public PushReport {
        lines = List.copyOf(lines);
        checks = List.copyOf(checks);
    }
}
