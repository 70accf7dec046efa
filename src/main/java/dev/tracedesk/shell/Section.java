package dev.tracedesk.shell;

/** The sections of the main window, in navigation order; Ctrl+1 selects the first, and so on. */
public enum Section {
    REVIEW("Review", "fth-check-square", "review"),
    TRACES("Traces", "fth-git-branch", "traces"),
    EVAL_RUNS("Eval runs", "fth-clipboard", "eval-runs"),
    DATASETS("Datasets", "fth-layers", "datasets"),
    INSIGHTS("Insights", "fth-trending-up", "insights"),
    IMPORTS("Imports", "fth-download", "imports");

    private final String title;
    private final String iconLiteral;
    private final String slug;

    Section(String title, String iconLiteral, String slug) {
        this.title = title;
        this.iconLiteral = iconLiteral;
        this.slug = slug;
    }

    public String title() {
        return title;
    }

    /** A Feather icon in Ikonli's notation. */
    public String iconLiteral() {
        return iconLiteral;
    }

    /** Lower-case name for node ids ({@code nav-eval-runs}) and preferences. */
    public String slug() {
        return slug;
    }

    /** The digit of its keyboard shortcut, 1 to 6. */
    public int shortcutDigit() {
        return ordinal() + 1;
    }
}
