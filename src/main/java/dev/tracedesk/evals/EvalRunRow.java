package dev.tracedesk.evals;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One line of the Eval runs section's run table: the run's counts from {@link EvalRunSummary} plus
 * what the list adds — the prompt versions its cases used, their total cost and mean latency.
 * {@code totalCost} and {@code meanLatencyMs} are null when no case reported one.
 */
public record EvalRunRow(EvalRunSummary summary, List<String> promptVersions, BigDecimal totalCost,
                         Double meanLatencyMs) {

    public EvalRunRow {
        promptVersions = List.copyOf(promptVersions);
    }

    public long id() {
        return summary.id();
    }

    public String tool() {
        return summary.tool();
    }

    /** The run's name, else the tool's run id (some tools name no run). */
    public String name() {
        return summary.name() == null || summary.name().isBlank() ? summary.runId() : summary.name();
    }

    public OffsetDateTime startedAt() {
        return summary.startedAt();
    }

    public List<String> providers() {
        return summary.providers();
    }

    public long cases() {
        return summary.cases();
    }

    public long errors() {
        return summary.errored();
    }

    /** Passed cases over all cases, 0 to 1; null for a run without cases. */
    public Double passRate() {
        return summary.cases() == 0 ? null : (double) summary.passed() / summary.cases();
    }

    /** {@code name@3} of the dataset version the run ran against, or null when unknown. */
    public String dataset() {
        return summary.dataset();
    }
}
