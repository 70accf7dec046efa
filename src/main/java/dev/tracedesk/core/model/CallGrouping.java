package dev.tracedesk.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How Insights and budgets group LLM calls (the columns of {@code llm_call}, migration V9): by the
 * model that answered, the provider, the prompt template and version, the route (the trace's
 * name), or not at all.
 */
public enum CallGrouping {
    NONE("none", "Everything"),
    MODEL("model", "Model"),
    PROVIDER("provider", "Provider"),
    PROMPT("prompt", "Prompt version"),
    ROUTE("route", "Route");

    /** The key a call without a value for the grouping falls under. */
    public static final String NO_VALUE = "(none)";
    /** The key of the one group when nothing groups. */
    public static final String ALL = "all calls";

    private final String cliName;
    private final String label;

    CallGrouping(String cliName, String label) {
        this.cliName = cliName;
        this.label = label;
    }

    /** As typed after {@code --group-by} and stored in budget configs. */
    public String cliName() {
        return cliName;
    }

    /** In words, for choosers. */
    public String label() {
        return label;
    }

    /** By its CLI name or enum name, any case; empty for anything else. */
    public static Optional<CallGrouping> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(grouping -> grouping.cliName.equals(wanted) || grouping.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }
}
