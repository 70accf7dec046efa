package dev.tracedesk.insights;

import dev.tracedesk.core.model.CallGrouping;
import dev.tracedesk.traces.TraceFilter;

/**
 * The LLM calls behind one figure of the dashboard: those that started in [fromNs, toNs) (either end
 * null = open) and fall under {@code key} of {@code grouping}. The Traces section lists them.
 */
public record CallDrill(Long fromNs, Long toNs, CallGrouping grouping, String key) {

    public CallDrill {
        grouping = grouping == null ? CallGrouping.NONE : grouping;
    }

    /**
     * True when Traces can narrow to the group exactly. Calls without a value ({@link CallGrouping#NO_VALUE})
     * cannot be picked out by a filter field, so such a drill lists every call of its time range.
     */
    public boolean narrowsToGroup() {
        return grouping == CallGrouping.NONE || (key != null && !CallGrouping.NO_VALUE.equals(key));
    }

    /**
     * The Traces filter that lists these calls. The model key is the served model (else the requested
     * one, as {@code llm_call} has it): it is matched as the served model, which is what almost every
     * source records.
     */
    public TraceFilter traceFilter() {
        TraceFilter inRange = TraceFilter.NONE.withTimeRange(fromNs, toNs);
        if (!narrowsToGroup()) {
            return inRange;
        }
        return switch (grouping) {
            case NONE -> inRange;
            case MODEL -> inRange.withServedModel(key);
            case PROVIDER -> inRange.withProvider(key);
            case ROUTE -> inRange.withTraceName(key);
            case PROMPT -> withPrompt(inRange, key);
        };
    }

    /** The prompt key is {@code name@version}, {@code @version} or {@code name} (CallGroupKeys). */
    private static TraceFilter withPrompt(TraceFilter filter, String key) {
        int at = key.lastIndexOf('@');
        if (at < 0) {
            return filter.withPrompt(key, null);
        }
        String name = key.substring(0, at);
        return filter.withPrompt(name.isEmpty() ? null : name, key.substring(at + 1));
    }
}
