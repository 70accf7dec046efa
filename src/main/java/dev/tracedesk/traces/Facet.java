package dev.tracedesk.traces;

/** A span dimension the filter sidebar counts values of. */
public enum Facet {
    PROVIDER("Provider"),
    SERVED_MODEL("Served model"),
    PROMPT("Prompt template"),
    KIND("Span kind"),
    STATUS("Status");

    private final String title;

    Facet(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
