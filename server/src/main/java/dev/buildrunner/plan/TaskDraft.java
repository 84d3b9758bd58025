package dev.buildrunner.plan;

/**
 * A freshly generated task plus what the adaptive planner needs to pair it with an older one.
 *
 * @param task the task: PENDING, no dependencies, no history
 * @param kind what the task was generated from
 * @param requirementIndex 0-based index of its requirement in the feature, -1 for other kinds
 * @param source the text it was generated from (the requirement as written), empty for other kinds
 */
record TaskDraft(Task task, Kind kind, int requirementIndex, String source) {

    /** What a task was generated from. */
    enum Kind {
        /** One requirement of the feature, with the files that match its words. */
        REQUIREMENT,
        /** The feature's files of one domain that match no requirement. */
        FILES,
        /** The whole feature, when it lists neither requirements nor files. */
        IMPLEMENTATION,
        /** Unit tests against the feature's acceptance criteria. */
        TESTS,
        /** Integration tests, for complex features and features with endpoints. */
        INTEGRATION_TESTS,
        /** The feature's documentation. */
        DOCS
    }
}
