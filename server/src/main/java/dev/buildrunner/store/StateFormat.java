package dev.buildrunner.store;

import dev.buildrunner.plan.Plan;
import dev.buildrunner.plan.Task;
import dev.buildrunner.plan.TaskStatus;
import dev.buildrunner.spec.Diagnostic;
import dev.buildrunner.spec.Severity;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.revwalk.FooterKey;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The storage format of BuildRunner's state in git, in one place: the ref names, the paths inside
 * a state commit's tree, the commit message layout and its trailer keys (BRIEF.md "State in git").
 *
 * <p>A state commit's tree (schema {@value PlanCodec#SCHEMA}) holds
 * <pre>
 * spec/PROJECT_SPEC.md          the spec text, UTF-8, as given
 * plan/plan.json                schema, task order by feature, batches, waves, critical path, diagnostics
 * plan/tasks/&lt;feature&gt;.json     the tasks of one feature, with their history (one file per feature id)
 * </pre>
 * so that a commit costs what changed: a one-feature edit writes one feature file, {@code
 * plan/plan.json} and the spec, and every other feature file keeps its blob ({@link StateWriter}).
 * A feature file holds every task whose {@code featureId} is that feature, follow-ups and
 * cancelled tasks of a feature that left the spec included (they keep their feature id); a
 * feature without tasks has no file. {@link #featureFileName} maps an id to a file name.
 *
 * <p>A state commit's message reads
 * <pre>
 * sync: 4 features changed
 *
 * 42 tasks (30 pending, 2 in progress, 10 done)
 * 15 batches, 7 waves, critical path 9 tasks (840 min)
 *
 * BuildRunner-Event: sync
 * Source-Commit: 9fceb02d0ae598e95dc970b74767f19372d61af8
 * Author: alice
 * </pre>
 * so that {@code git log buildrunner} reads as the plan's history and {@code git
 * interpret-trailers --parse} or JGit's {@link RevCommit#getFooterLines(FooterKey)} read the
 * trailers. A change to the message format must keep old commits readable (see StateFormatTest).
 */
public final class StateFormat {
    /** The orphan branch holding one commit per state change. */
    public static final String BRANCH = "refs/heads/buildrunner";
    /** Prefix of checkpoint tags; the rest of the ref name is the checkpoint's name. */
    public static final String CHECKPOINT_PREFIX = "refs/tags/buildrunner/checkpoints/";
    /** The spec text as of the state, UTF-8. */
    public static final String SPEC_PATH = "spec/PROJECT_SPEC.md";
    /**
     * The plan's index, as {@link PlanCodec#encodeIndex} writes it: schema, the order of the tasks
     * as runs of one feature, batches, waves, critical path and diagnostics.
     */
    public static final String PLAN_PATH = "plan/plan.json";
    /** The directory of the feature files, as {@link PlanCodec#encodeFeature} writes them. */
    public static final String TASKS_DIR = "plan/tasks";
    /** The extension of a feature file's name. */
    public static final String FEATURE_FILE_EXTENSION = ".json";
    /** Where schema 1 kept the whole plan; named in the error when such a commit is read. */
    static final String SCHEMA1_PLAN_PATH = "plan/tasks.json";

    /** Trailer naming what happened, for example {@code sync} or {@code rollback}. */
    public static final FooterKey EVENT = new FooterKey("BuildRunner-Event");
    /** Trailer naming the code commit that caused the change, or {@link #NO_SOURCE}. */
    public static final FooterKey SOURCE_COMMIT = new FooterKey("Source-Commit");
    /** Trailer naming the person or agent on whose behalf the change was made. */
    public static final FooterKey AUTHOR = new FooterKey("Author");
    /** The Source-Commit value when no code commit caused the change. */
    public static final String NO_SOURCE = "none";

    /** Name in the committer, author and tagger identity of every object BuildRunner writes. */
    public static final String IDENT_NAME = "BuildRunner";
    /** E-mail in that identity. */
    public static final String IDENT_EMAIL = "buildrunner@localhost";

    /** Event of a commit restoring an earlier version. */
    public static final String EVENT_ROLLBACK = "rollback";
    /** Event of a commit restoring a checkpoint. */
    public static final String EVENT_CHECKPOINT_RESTORE = "checkpoint-restore";

    /** An event is a lower-case token: a letter, then letters, digits or '-'. */
    static final Pattern EVENT_PATTERN = Pattern.compile("[a-z][a-z0-9-]*");
    /** A source commit is a (possibly abbreviated) hexadecimal object id. */
    static final Pattern SOURCE_PATTERN = Pattern.compile("[0-9a-f]{4,64}");
    /** Length of the commit ids shown in messages, as {@code git log --oneline} shows them. */
    static final int SHORT_ID_LENGTH = 7;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private StateFormat() {
    }

    /** The metadata a state commit's message carries. Empty strings where the message has none. */
    record Message(String event, String summary, String sourceCommit, String author) {
    }

    /**
     * Builds a state commit's message.
     *
     * @param event a token matching {@link #EVENT_PATTERN}
     * @param summary one line, possibly empty
     * @param body lines with counts, possibly empty
     * @param sourceCommit a hex id, or empty for none
     * @param author one line, not empty
     */
    static String commitMessage(String event, String summary, String body, String sourceCommit, String author) {
        StringBuilder m = new StringBuilder(256);
        m.append(event);
        if (!summary.isEmpty()) {
            m.append(": ").append(summary);
        }
        m.append("\n\n");
        if (!body.isEmpty()) {
            m.append(body).append("\n\n");
        }
        m.append(EVENT.getName()).append(": ").append(event).append('\n');
        m.append(SOURCE_COMMIT.getName()).append(": ")
                .append(sourceCommit.isEmpty() ? NO_SOURCE : sourceCommit).append('\n');
        m.append(AUTHOR.getName()).append(": ").append(author).append('\n');
        return m.toString();
    }

    /**
     * Reads the metadata back from a commit whose body has been parsed. A commit written by
     * something else (no trailers) gives an empty event and its first line as the summary.
     */
    static Message parseMessage(RevCommit commit) {
        String event = last(commit.getFooterLines(EVENT));
        String source = last(commit.getFooterLines(SOURCE_COMMIT));
        if (source.equals(NO_SOURCE)) {
            source = "";
        }
        String author = last(commit.getFooterLines(AUTHOR));
        String first = commit.getShortMessage();
        String summary = first;
        if (!event.isEmpty() && first.startsWith(event + ": ")) {
            summary = first.substring(event.length() + 2);
        } else if (!event.isEmpty() && first.equals(event)) {
            summary = "";
        }
        return new Message(event, summary, source, author);
    }

    /**
     * The counts a state commit's body shows: tasks by status, batches, waves, critical path and
     * diagnostics by severity. Lines never look like trailers (no "Key: value" shape).
     */
    static String body(Plan plan) {
        int[] byStatus = new int[TaskStatus.values().length];
        for (Task t : plan.tasks()) {
            byStatus[t.status().ordinal()]++;
        }
        StringBuilder b = new StringBuilder(160);
        b.append(count(plan.tasks().size(), "task"));
        if (!plan.tasks().isEmpty()) {
            b.append(" (");
            String sep = "";
            for (TaskStatus s : TaskStatus.values()) {
                if (byStatus[s.ordinal()] > 0) {
                    b.append(sep).append(byStatus[s.ordinal()]).append(' ').append(s.label().replace('_', ' '));
                    sep = ", ";
                }
            }
            b.append(')');
        }
        b.append('\n').append(count(plan.batches().size(), "batch")).append(", ")
                .append(count(plan.waves().size(), "wave")).append(", critical path ")
                .append(count(plan.criticalPath().taskIds().size(), "task"))
                .append(" (").append(plan.criticalPath().minutes()).append(" min)");
        if (!plan.diagnostics().isEmpty()) {
            Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
            for (Diagnostic d : plan.diagnostics()) {
                bySeverity.merge(d.severity(), 1, Integer::sum);
            }
            b.append('\n').append(count(plan.diagnostics().size(), "diagnostic")).append(" (");
            String sep = "";
            for (Map.Entry<Severity, Integer> e : bySeverity.entrySet()) {
                b.append(sep).append(e.getValue()).append(' ').append(e.getKey().name().toLowerCase(Locale.ROOT));
                sep = ", ";
            }
            b.append(')');
        }
        return b.toString();
    }

    /** Message of a checkpoint's annotated tag: a first line, a blank line, an Author trailer. */
    static String checkpointMessage(String name, AnyObjectId commit, String author) {
        return "checkpoint " + name + " at " + shortId(commit) + "\n\n" + AUTHOR.getName() + ": " + author + "\n";
    }

    /**
     * Trailers of a message in the git sense: the "Key: value" lines of its last paragraph, in
     * order (a later key wins). Used for tag messages, which JGit does not parse.
     */
    static Map<String, String> trailers(String message) {
        String trimmed = message.strip();
        int cut = trimmed.lastIndexOf("\n\n");
        String last = cut < 0 ? "" : trimmed.substring(cut + 2);
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : last.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                out.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return out;
    }

    /**
     * The name of a feature's file in {@link #TASKS_DIR}: the id followed by {@value
     * #FEATURE_FILE_EXTENSION}, where an ordinary slug stays as it is ({@code user-auth.json}) and
     * what is not safe as a git path component is percent-escaped with upper-case hex: '%' itself
     * ({@code %25}), '/' ({@code %2F}), control characters and DEL ({@code %00}..{@code %1F},
     * {@code %7F}), a leading '.' ({@code %2E}: no hidden, "." or ".git" look-alike names), ':' and
     * '\' ({@code %3A}, {@code %5C}: {@code git fsck} reads them as NTFS stream and path
     * separators when it looks for ".git" look-alikes such as {@code git~1}), and an unpaired UTF-16
     * surrogate ({@code %uD83D}, as UTF-8 cannot carry it). The empty id is {@code %.json}. Distinct
     * ids give distinct names (the escapes are prefix-free and '%' is always escaped), so a reader
     * finds a feature's file from the id alone; names are compared byte for byte, as git does.
     *
     * @param featureId any string
     * @return a file name without '/', NUL or a leading '.'
     */
    public static String featureFileName(String featureId) {
        int n = featureId.length();
        if (n == 0) {
            return "%" + FEATURE_FILE_EXTENSION;
        }
        StringBuilder b = new StringBuilder(n + FEATURE_FILE_EXTENSION.length() + 8);
        for (int i = 0; i < n; i++) {
            char c = featureId.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(featureId.charAt(i + 1))) {
                b.append(c).append(featureId.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                b.append("%u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
                        .append(HEX[c & 0xF]);
            } else if (c < 0x20 || c == 0x7F || c == '%' || c == '/' || c == ':' || c == '\\'
                    || (i == 0 && c == '.')) {
                b.append('%').append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
            } else {
                b.append(c);
            }
        }
        return b.append(FEATURE_FILE_EXTENSION).toString();
    }

    /** The path of a feature's file in a state tree: {@code plan/tasks/<featureFileName>}. */
    public static String featurePath(String featureId) {
        return TASKS_DIR + "/" + featureFileName(featureId);
    }

    /** Where a stored file was read, as errors name it: {@code plan/plan.json at 1a2b3c4}. */
    static String origin(String path, AnyObjectId commit) {
        return path + " at " + shortId(commit);
    }

    /** The first {@value #SHORT_ID_LENGTH} hex digits of an object id. */
    static String shortId(AnyObjectId id) {
        return id.abbreviate(SHORT_ID_LENGTH).name();
    }

    /** Collapses runs of whitespace (line breaks included) into one space and trims. */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static String last(List<String> values) {
        return values.isEmpty() ? "" : values.get(values.size() - 1).trim();
    }

    private static String count(int n, String noun) {
        String plural = noun.endsWith("ch") ? noun + "es" : noun + "s";
        return n + " " + (n == 1 ? noun : plural);
    }
}
