package dev.tracedesk.ingest;

import java.util.Arrays;
import java.util.Optional;

/** Every file shape Tracedesk imports; {@link #id} is what {@code --format} takes. */
public enum ImportFormat {
    OTLP_TRACES("otlp", "OTLP/JSON traces (OpenTelemetry GenAI, OpenInference, OpenLLMetry, Langfuse attributes)"),
    OTLP_LOGS("otlp-logs", "OTLP/JSON logs carrying GenAI message events"),
    LANGFUSE("langfuse", "Langfuse traces, observations and scores (API JSON or blob export JSON/JSONL)"),
    PROMPTFOO_JSON("promptfoo", "promptfoo eval output (-o results.json)"),
    PROMPTFOO_JSONL("promptfoo-jsonl", "promptfoo eval output (-o results.jsonl)"),
    PROMPTFOO_CSV("promptfoo-csv", "promptfoo eval output (-o results.csv, lossy)"),
    INSPECT_JSON("inspect", "Inspect AI eval log (.json)"),
    INSPECT_EVAL("inspect-eval", "Inspect AI eval log (.eval zip)"),
    OPENAI_EVALS_LOG("openai-evals", "OpenAI Evals oaieval run log (JSONL)"),
    OPENAI_EVALS_ITEMS("openai-evals-items", "OpenAI Evals API output items (JSONL)"),
    GENERIC_JSONL("jsonl", "JSONL of LLM calls with a named field mapping"),
    GENERIC_CSV("csv", "CSV of LLM calls with a named field mapping");

    private final String id;
    private final String description;

    ImportFormat(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public static Optional<ImportFormat> byId(String id) {
        return Arrays.stream(values()).filter(format -> format.id.equalsIgnoreCase(id)).findFirst();
    }
}
