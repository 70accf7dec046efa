package dev.tracedesk.ingest.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.tracedesk.core.model.CaseStatus;

/**
 * One case of an eval run: a (test, provider, prompt). Belongs to the run the reader emitted last.
 * {@link #caseKey} must be stable across runs of the same test (see {@link CaseKeys}).
 */
public final class CanonicalEvalCase {

    public String caseKey;
    /** '' when the source names none: part of the natural key, so never null. */
    public String provider = "";
    public String promptLabel = "";
    public Integer testIndex;
    public String description;
    public String varsJson;
    public String promptText;
    public String expectedOutput;
    public String actualOutput;
    public CaseStatus status = CaseStatus.FAIL;
    public Double score;
    public Long latencyMs;
    public Long inputTokens;
    public Long outputTokens;
    public Long totalTokens;
    public BigDecimal costUsd;
    public String errorMessage;
    /** JSON array of {type, value, pass, score, reason}. */
    public String assertionsJson;
    public String namedScoresJson;
    /** The trace (and span) the source links this case to, by the source's ids. */
    public String traceId;
    public String spanId;
    /** The dataset item the case was made from, by item key, and the version the source names (or null). */
    public String datasetItemKey;
    public DatasetRef dataset;
    public final List<CanonicalCheck> checks = new ArrayList<>();
}
