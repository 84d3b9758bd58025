package dev.buildrunner.spec;

import java.util.Locale;

/** The spec dialect a parse detected; each has its own natural unit of a {@link Feature}. */
public enum SpecFormat {
    /** BuildRunner's PROJECT_SPEC.md: features as headings under {@code ## Features} (seed 002). */
    BUILDRUNNER("buildrunner"),
    /** GitHub spec-kit {@code spec.md}: {@code ### User Story N - Title (Priority: Pn)} + FR-nnn. */
    SPEC_KIT("spec-kit"),
    /** GitHub spec-kit {@code tasks.md}: phases of {@code - [ ] T001 ...} task lines. */
    SPEC_KIT_TASKS("spec-kit-tasks"),
    /** Kiro {@code requirements.md}: {@code ### Requirement N: Title} with EARS criteria. */
    KIRO("kiro"),
    /** Kiro {@code tasks.md}: a numbered checkbox list of tasks with sub-tasks. */
    KIRO_TASKS("kiro-tasks"),
    /** OpenSpec: {@code ### Requirement: Title} with {@code #### Scenario:} blocks. */
    OPENSPEC("openspec"),
    /** Task Master PRD text: {@code <context>}/{@code <PRD>} with {@code # Core Features}. */
    TASKMASTER("taskmaster"),
    /** Any other Markdown: best effort from headings and lists. */
    MARKDOWN("markdown");

    private final String label;

    SpecFormat(String label) {
        this.label = label;
    }

    /** The name used in JSON output, for example {@code spec-kit}. */
    public String label() {
        return label;
    }

    /** Reads a {@link #label()} back; throws IllegalArgumentException for an unknown one. */
    public static SpecFormat fromLabel(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        for (SpecFormat f : values()) {
            if (f.label.equals(l)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown spec format: " + label);
    }
}
