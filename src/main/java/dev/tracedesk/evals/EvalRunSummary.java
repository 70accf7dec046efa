package dev.tracedesk.evals;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One line of the run list: the run, how many of its cases passed, failed and errored, and the
 * providers it used. {@code runId} is the tool's own id; {@code id} is the workspace's;
 * {@code dataset} the linked dataset version ({@code name@3}) or null.
 */
public record EvalRunSummary(long id, String runId, String tool, String name, OffsetDateTime startedAt,
                             long cases, long passed, long failed, long errored, List<String> providers,
                             String dataset) {

    public EvalRunSummary {
        providers = List.copyOf(providers);
    }
}
