package dev.tracedesk.ingest.promptfoo;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.model.CanonicalEvalRun;
import dev.tracedesk.ingest.source.JsonValues;

/** The canonical eval run of a promptfoo file. */
final class PromptfooRuns {

    static final String TOOL = "promptfoo";

    private PromptfooRuns() {
    }

    /**
     * From a results.json envelope: the evalId (else the given content-derived id), the config's
     * description as the name, results.timestamp as the start (else metadata.evaluationCreatedAt),
     * start + stats.durationMs as the end when promptfoo recorded the duration.
     */
    static CanonicalEvalRun fromEnvelope(PromptfooEnvelope envelope, String fallbackRunId) {
        CanonicalEvalRun run = new CanonicalEvalRun();
        run.tool = TOOL;
        run.externalRunId = envelope.evalId != null && !envelope.evalId.isBlank() ? envelope.evalId : fallbackRunId;
        run.name = envelope.config == null ? null : JsonValues.text(envelope.config.get("description"));
        run.startedAt = JsonValues.parseInstant(envelope.timestamp);
        if (run.startedAt == null && envelope.metadata != null) {
            run.startedAt = JsonValues.parseInstant(JsonValues.text(envelope.metadata.get("evaluationCreatedAt")));
        }
        Long durationMs = envelope.stats == null ? null : JsonValues.asLong(envelope.stats.get("durationMs"));
        run.finishedAt = run.startedAt == null || durationMs == null ? null : run.startedAt.plusMillis(durationMs);
        run.configJson = JsonValues.json(envelope.config);
        PromptTemplates templates = envelope.templates();
        run.promptsJson = templates.toJson();
        run.providersJson = templates.isEmpty() ? configuredProviders(envelope.config) : templates.providersJson();
        return run;
    }

    /** For files without an envelope (JSONL, CSV): named after the file, columns as seen. */
    static CanonicalEvalRun withoutEnvelope(String runId, String fileName, PromptTemplates templates,
                                            Instant startedAt) {
        CanonicalEvalRun run = new CanonicalEvalRun();
        run.tool = TOOL;
        run.externalRunId = runId;
        run.name = fileName;
        run.startedAt = startedAt;
        run.promptsJson = templates.toJson();
        run.providersJson = templates.providersJson();
        return run;
    }

    /** config.providers as ids or labels, when the results name none (an eval with no results). */
    private static String configuredProviders(JsonNode config) {
        JsonNode providers = config == null ? null : config.get("providers");
        if (providers == null) {
            return null;
        }
        var names = JsonValues.MAPPER.createArrayNode();
        for (JsonNode provider : providers.isArray() ? providers : JsonValues.MAPPER.createArrayNode().add(providers)) {
            String name = PromptfooResultMapper.provider(provider);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names.isEmpty() ? null : names.toString();
    }
}
