package dev.tracedesk.datasets.export;

/** How a promptfoo test asserts the expected output. */
public enum AssertionStyle {
    EQUALS("equals"), CONTAINS("contains"), RUBRIC("llm-rubric");

    private final String promptfooType;

    AssertionStyle(String promptfooType) {
        this.promptfooType = promptfooType;
    }

    public String promptfooType() {
        return promptfooType;
    }
}
