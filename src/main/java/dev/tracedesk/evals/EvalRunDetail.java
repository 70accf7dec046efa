package dev.tracedesk.evals;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A run with all of its cases, in test order. {@code dataset} is the dataset version the run was
 * made from ({@code name@3}), when the import could link one (decision 0017), else null.
 */
public record EvalRunDetail(long id, String runId, String tool, String name, OffsetDateTime startedAt,
                            OffsetDateTime finishedAt, String dataset, List<EvalCaseDetail> cases) {

    public EvalRunDetail {
        cases = List.copyOf(cases);
    }
}
