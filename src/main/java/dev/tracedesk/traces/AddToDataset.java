package dev.tracedesk.traces;

import java.util.List;
import java.util.function.Consumer;

import javafx.stage.Window;

/**
 * "Add to golden set" for the LLM calls chosen in the table. The datasets feature provides it,
 * because datasets already read traces and the dependency may only point one way.
 */
public interface AddToDataset {

    /**
     * Adds the calls (span row ids) to the golden set, asking which one first if none is chosen yet,
     * then reports one sentence: how many went in, and why any were refused.
     */
    void addCalls(Window owner, List<Long> spanRowIds, Consumer<String> report);

    /** For a Traces section without datasets (its own tests). */
    AddToDataset NONE = (owner, spanRowIds, report) -> report.accept("Golden sets are not available here.");
}
