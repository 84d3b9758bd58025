package dev.buildrunner.cli;

import dev.buildrunner.plan.Batch;
import dev.buildrunner.plan.Plan;
import dev.buildrunner.plan.Task;
import dev.buildrunner.plan.TaskStatus;
import dev.buildrunner.spec.Diagnostic;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Text rendering of plans and tasks for the terminal. */
final class PlanPrinter {
    private PlanPrinter() {
    }

    static void print(PrintWriter out, Plan plan, List<Diagnostic> specDiagnostics) {
        long live = plan.tasks().stream().filter(t -> !t.status().isTerminal()).count();
        out.printf("%d tasks (%d open), %d batches, %d waves, critical path %d tasks / %d min%n", plan.tasks().size(),
                live, plan.batches().size(), plan.waves().size(), plan.criticalPath().taskIds().size(),
                plan.criticalPath().minutes());
        for (Batch b : plan.batches()) {
            out.printf("%s [%s]%n", b.id(), b.domain().label());
            for (String id : b.taskIds()) {
                plan.task(id).ifPresent(t -> out.println("    " + line(t)));
            }
        }
        diagnostics(out, specDiagnostics);
        diagnostics(out, plan.diagnostics());
    }

    static String line(Task t) {
        return String.format(Locale.ROOT, "%-11s %-40s %4d min  %s", t.status().label(), t.id(), t.estimateMinutes(),
                t.title());
    }

    static void tasks(PrintWriter out, List<Task> tasks) {
        for (Task t : tasks) {
            out.println(line(t));
        }
        long done = tasks.stream().filter(t -> t.status() == TaskStatus.DONE).count();
        out.printf("%d tasks, %d done%n", tasks.size(), done);
    }

    static void diagnostics(PrintWriter out, List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            out.println("line " + d.line() + ": " + d.severity().name().toLowerCase(Locale.ROOT) + ": " + d.message());
        }
    }
}
