package dev.tracedesk.evals.compare;

import static dev.tracedesk.store.generated.Tables.TRACE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jooq.DSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tracedesk.evals.compare.CallFacts.RetrievedDocument;
import dev.tracedesk.traces.SpanDetail;
import dev.tracedesk.traces.SpanDocument;
import dev.tracedesk.traces.TraceDetail;
import dev.tracedesk.traces.TraceQueries;

/**
 * The facts of one side of a case. With a linked trace they come from its provenance: the linked
 * LLM call (else the trace's first one) for prompt template, model, parameters, tokens, latency,
 * cost and output, and every span of the trace for retrieved documents; what the call lacks is
 * taken from the eval case. Without one, from what the eval file holds: the case's columns, the
 * run's prompt list (template text by prompt label) and config (the provider's parameters).
 */
final class CallFactsReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Provider config keys that say where to connect, not how to generate: not parameters. */
    private static final Set<String> CONNECTION_KEYS = Set.of("apiBaseUrl", "apiHost", "baseUrl", "apiKey",
            "apiKeyEnvar", "headers", "organization", "apiVersion", "proxy");

    private final DSLContext dsl;

    CallFactsReader(DSLContext dsl) {
        this.dsl = dsl;
    }

    CallFacts read(ComparedRun run, ComparedCase evalCase) {
        CallFacts fromFile = fromEvalFile(run, evalCase);
        Optional<TraceDetail> trace = linkedTrace(evalCase);
        Long spanRowId = evalCase.spanRowId();
        Optional<SpanDetail> call = trace.flatMap(detail -> detail.spans().stream()
                .filter(span -> spanRowId != null ? span.id() == spanRowId : "LLM".equals(span.kind()))
                .findFirst());
        if (call.isEmpty()) {
            return fromFile;
        }
        SpanDetail span = call.get();
        SpanDetail.PromptTemplate template = span.promptTemplate();
        SpanDetail.TokenUsage usage = span.usage();
        String model = span.responseModel() != null ? span.responseModel() : span.requestModel();
        Map<String, String> parameters = flatten(parse(span.parametersJson()), Set.of());
        return new CallFacts(CallFacts.Source.TRACE,
                template != null && template.name() != null ? template.name() : fromFile.promptName(),
                template != null ? template.version() : null,
                template != null && template.text() != null ? template.text() : fromFile.templateText(),
                fromFile.promptText() != null ? fromFile.promptText() : span.inputText(),
                model != null ? model : fromFile.model(),
                parameters.isEmpty() ? fromFile.parameters() : parameters,
                documents(span, trace.get()),
                usage != null ? usage.inputTokens() : fromFile.inputTokens(),
                usage != null ? usage.outputTokens() : fromFile.outputTokens(),
                usage != null ? usage.totalTokens() : fromFile.totalTokens(),
                span.durationNs() != null ? span.durationNs() / 1_000_000 : fromFile.latencyMs(),
                span.cost() != null ? span.cost().usd() : fromFile.costUsd(),
                span.outputText() != null ? span.outputText() : fromFile.output());
    }

    private CallFacts fromEvalFile(ComparedRun run, ComparedCase evalCase) {
        String promptLabel = evalCase.promptLabel() == null || evalCase.promptLabel().isEmpty() ? null : evalCase.promptLabel();
        String providerId = ProviderAliases.fromConfig(run.configJson()).id(evalCase.provider());
        return new CallFacts(CallFacts.Source.EVAL_FILE, promptLabel, null, templateText(run.promptsJson(), promptLabel),
                evalCase.promptText(), evalCase.provider() == null || evalCase.provider().isEmpty() ? null : providerId,
                flatten(providerConfig(run.configJson(), evalCase.provider()), CONNECTION_KEYS), List.of(),
                evalCase.inputTokens(), evalCase.outputTokens(), evalCase.totalTokens(), evalCase.latencyMs(),
                evalCase.costUsd(), evalCase.output() != null ? evalCase.output() : evalCase.errorMessage());
    }

    private Optional<TraceDetail> linkedTrace(ComparedCase evalCase) {
        if (evalCase.traceRowId() == null) {
            return Optional.empty();
        }
        return dsl.select(TRACE.EXTERNAL_TRACE_ID).from(TRACE).where(TRACE.ID.eq(evalCase.traceRowId()))
                .fetchOptional(TRACE.EXTERNAL_TRACE_ID)
                .flatMap(externalTraceId -> new TraceQueries(dsl).trace(externalTraceId));
    }

    /** The call's own documents, else those of every span in its trace (the retriever's). */
    private static List<RetrievedDocument> documents(SpanDetail call, TraceDetail trace) {
        List<SpanDocument> documents = new ArrayList<>(call.documents());
        if (documents.isEmpty()) {
            trace.spans().forEach(span -> documents.addAll(span.documents()));
        }
        List<RetrievedDocument> retrieved = new ArrayList<>();
        for (SpanDocument document : documents) {
            String id = document.documentId() != null ? document.documentId()
                    : document.source() != null ? document.source() : "#" + document.rank();
            retrieved.add(new RetrievedDocument(id, document.rank(), document.score()));
        }
        return retrieved;
    }

    /** promptfoo's prompt list: [{label, raw, provider, id}]; the raw text of the entry with this label. */
    private static String templateText(String promptsJson, String promptLabel) {
        for (JsonNode prompt : array(parse(promptsJson))) {
            if (promptLabel != null && promptLabel.equals(prompt.path("label").asText(null))
                    && prompt.hasNonNull("raw")) {
                return prompt.get("raw").asText();
            }
        }
        return null;
    }

    /** The config of the run's provider with this name (its label, else its id). */
    private static JsonNode providerConfig(String configJson, String provider) {
        for (JsonNode entry : array(parse(configJson).path("providers"))) {
            String label = entry.path("label").asText("");
            String id = entry.path("id").asText("");
            if (provider != null && (provider.equals(label) || label.isEmpty() && provider.equals(id))) {
                return entry.path("config");
            }
        }
        return null;
    }

    /** A JSON object's members, one level deep, as sorted name → JSON text; nested values stay whole. */
    static Map<String, String> flatten(JsonNode object, Set<String> skipped) {
        Map<String, String> flat = new TreeMap<>();
        if (object != null && object.isObject()) {
            object.fields().forEachRemaining(field -> {
                if (!skipped.contains(field.getKey())) {
                    JsonNode value = field.getValue();
                    flat.put(field.getKey(), value.isTextual() ? value.asText() : value.toString());
                }
            });
        }
        return flat;
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return MAPPER.nullNode();
        }
        try {
            return MAPPER.readTree(json);
        } catch (Exception unreadable) {
            return MAPPER.nullNode();
        }
    }

    private static Iterable<JsonNode> array(JsonNode node) {
        return node != null && node.isArray() ? node : List.of();
    }
}
