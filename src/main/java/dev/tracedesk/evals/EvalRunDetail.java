package dev.tracedesk.evals;

import java.time.OffsetDateTime;
import java.util.List;

/** A run with all of its cases, in test order. */
public record EvalRunDetail(long id, String runId, String tool, String name, OffsetDateTime startedAt,
                            OffsetDateTime finishedAt, List<EvalCaseDetail> cases) {

    public EvalRunDetail {
        cases = List.copyOf(cases);
    }
}
