package dev.tracedesk.traces;

import java.math.BigDecimal;
import java.util.List;

/**
 * One line of the Traces table: a trace, or one LLM call when calls are listed ({@code spanRowId}
 * and {@code spanId} set, {@code spanCount} 1). Tokens and cost are summed over the trace's spans;
 * {@code costEstimated} when any part came from the price table. {@code prompts} are
 * "name vVERSION" (or the name alone), distinct and sorted, like {@code servedModels}. {@code review}
 * is what review says of the row: its flags and verdict.
 */
public record TraceRow(long traceRowId, String traceId, Long spanRowId, String spanId, Long startNs, String name,
                       List<String> servedModels, List<String> prompts, Long latencyNs, Long tokens, BigDecimal costUsd,
                       boolean costEstimated, String status, long spanCount, ReviewMark review) {

    public TraceRow {
        servedModels = List.copyOf(servedModels);
        prompts = List.copyOf(prompts);
        review = review == null ? ReviewMark.NONE : review;
    }
}
