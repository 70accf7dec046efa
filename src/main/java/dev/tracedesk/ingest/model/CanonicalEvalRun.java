package dev.tracedesk.ingest.model;

import java.time.Instant;

/** One eval run (one promptfoo eval, one Inspect log, one oaieval run). */
public final class CanonicalEvalRun {

    /** "promptfoo", "inspect", "openai-evals", "langfuse". */
    public String tool;
    /** The tool's run id; unique per tool. */
    public String externalRunId;
    public String name;
    public Instant startedAt;
    public Instant finishedAt;
    public String configJson;
    /** JSON array of provider ids the run used. */
    public String providersJson;
    /** JSON array of {label, raw, provider} prompt templates. */
    public String promptsJson;
}
