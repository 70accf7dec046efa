package dev.tracedesk.traces;

import static dev.tracedesk.store.generated.Tables.CHECK_RESULT;
import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.SPAN_CONTENT;
import static dev.tracedesk.store.generated.Tables.TRACE;

import java.math.BigDecimal;

import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.List;
import dev.tracedesk.store.content.ContentJson;
import dev.tracedesk.store.content.StoredDocument;
import dev.tracedesk.store.content.StoredMessage;
import dev.tracedesk.store.generated.tables.records.SpanRecord;

/**
 * Four traces written straight into the store, as an import would leave them:
 * <ul>
 *   <li>{@code t-new} (2024-05-01T10:00:00.123456789Z, 950 ms, ERROR): a RAG answer — CHAIN root,
 *       RETRIEVER with two documents, LLM call with template, messages and two checks, a TOOL that
 *       starts with the LLM call, and a GUARDRAIL with no start time;</li>
 *   <li>{@code t-mid} (2024-03-01T00:00:00Z): an EMBEDDING span that names only its requested model;</li>
 *   <li>{@code t-old} (2023-11-14T22:13:20Z, 1.5 ms): one LLM span served by gpt-4o-2024-08-06;</li>
 *   <li>{@code t-nostart}: no times at all.</li>
 * </ul>
 * Rows go in out of order on purpose, so ordering comes from the queries, not from insertion.
 */
public final class TraceFixtures {

    public static final long NEW_START = 1_714_557_600_123_456_789L;
    public static final long MID_START = 1_709_251_200_000_000_000L;
    public static final long OLD_START = 1_700_000_000_000_000_000L;

    private TraceFixtures() {
    }

    public static void seed(DSLContext dsl) {
        long old = trace(dsl, "t-old", "old question", OLD_START, OLD_START + 1_500_000, "OK");
        span(dsl, old, "llm-old", null, "LLM", "chat", OLD_START, 1_500_000L, "OK", "openai", "gpt-4o", "gpt-4o-2024-08-06");

        long fresh = trace(dsl, "t-new", "answer question", NEW_START, NEW_START + 950_000_000, "ERROR");
        long root = span(dsl, fresh, "root", null, "CHAIN", "answer question", NEW_START, 950_000_000L, "OK", null, null, null);
        long retrieve = span(dsl, fresh, "retrieve", "root", "RETRIEVER", "search docs", NEW_START + 1_000_000, 50_000_000L,
                "OK", null, null, null);
        long guard = span(dsl, fresh, "guard", "root", "GUARDRAIL", "pii filter", null, null, "UNSET", null, null, null);
        long llm = llmSpan(dsl, fresh);
        span(dsl, fresh, "tool", "llm", "TOOL", "lookup", NEW_START + 60_000_000, 5_000_000L, "OK", null, null, null);

        content(dsl, root, null, null, null, null);
        content(dsl, llm, "{\"temperature\":0.2,\"max_tokens\":256}", "Answer briefly: {{question}}",
                "{\"question\":\"Can I get a refund?\"}", "{\"http.route\":\"/ask\",\"retry\":1}");
        message(dsl, llm, "OUTPUT", 0, "assistant", "Within 30 days.", "[{\"id\":\"call_1\",\"function\":{\"name\":\"lookup\"}}]");
        message(dsl, llm, "INPUT", 1, "user", "Can I get a refund?", null);
        message(dsl, llm, "INPUT", 0, "system", "Be brief.", null);
        document(dsl, retrieve, 2, "kb-7", 0.41, "Shipping takes 5 days.");
        document(dsl, retrieve, 1, "kb-3", 0.92, "Refunds within 30 days of purchase.");
        check(dsl, llm, "toxicity", "GUARDRAIL", null, 0.01, true, null);
        check(dsl, llm, "faithfulness", "EVALUATION", "unfaithful", 0.2, false, "Claims a policy the context lacks.");
        check(dsl, guard, "pii", "GUARDRAIL", "clean", null, true, null);

        long mid = trace(dsl, "t-mid", "embed corpus", MID_START, MID_START + 2_000_000_000L, "OK");
        span(dsl, mid, "embed", null, "EMBEDDING", "embed", MID_START, 2_000_000_000L, "OK", "anthropic",
                "claude-3-5-sonnet", null);

        trace(dsl, "t-nostart", "no times", null, null, "UNSET");
    }

    private static long llmSpan(DSLContext dsl, long traceId) {
        SpanRecord llm = dsl.newRecord(SPAN);
        llm.setTraceId(traceId);
        llm.setExternalSpanId("llm");
        llm.setParentExternalSpanId("root");
        llm.setKind("LLM");
        llm.setName("chat gpt-4o-mini");
        llm.setStartNs(NEW_START + 60_000_000);
        llm.setDurationNs(850_000_000L);
        llm.setStatus("ERROR");
        llm.setErrorMessage("upstream timeout after partial answer");
        llm.setProvider("openai");
        llm.setRequestedModel("gpt-4o-mini");
        llm.setServedModel("gpt-4o-mini-2024-07-18");
        llm.setPromptTemplateName("refund-answer");
        llm.setPromptTemplateVersion("3");
        llm.setInputTokens(100L);
        llm.setOutputTokens(20L);
        llm.setTotalTokens(120L);
        llm.setCostUsd(new BigDecimal("0.0042"));
        llm.setCostSource("ESTIMATED");
        llm.store();
        return llm.getId();
    }

    private static long trace(DSLContext dsl, String externalId, String name, Long startNs, Long endNs, String status) {
        return dsl.insertInto(TRACE)
                .set(TRACE.EXTERNAL_TRACE_ID, externalId)
                .set(TRACE.SOURCE_SYSTEM, "otlp")
                .set(TRACE.NAME, name)
                .set(TRACE.START_NS, startNs)
                .set(TRACE.END_NS, endNs)
                .set(TRACE.STATUS, status)
                .returningResult(TRACE.ID).fetchOne().value1();
    }

    private static long span(DSLContext dsl, long traceId, String externalId, String parent, String kind, String name,
                             Long startNs, Long durationNs, String status, String provider, String requestedModel,
                             String servedModel) {
        return dsl.insertInto(SPAN)
                .set(SPAN.TRACE_ID, traceId)
                .set(SPAN.EXTERNAL_SPAN_ID, externalId)
                .set(SPAN.PARENT_EXTERNAL_SPAN_ID, parent)
                .set(SPAN.KIND, kind)
                .set(SPAN.NAME, name)
                .set(SPAN.START_NS, startNs)
                .set(SPAN.DURATION_NS, durationNs)
                .set(SPAN.STATUS, status)
                .set(SPAN.PROVIDER, provider)
                .set(SPAN.REQUESTED_MODEL, requestedModel)
                .set(SPAN.SERVED_MODEL, servedModel)
                .returningResult(SPAN.ID).fetchOne().value1();
    }

    private static void content(DSLContext dsl, long spanId, String parameters, String templateText, String variables,
                                String attributes) {
        dsl.insertInto(SPAN_CONTENT)
                .set(SPAN_CONTENT.SPAN_ID, spanId)
                .set(SPAN_CONTENT.PARAMETERS_JSON, parameters)
                .set(SPAN_CONTENT.PROMPT_TEMPLATE_TEXT, templateText)
                .set(SPAN_CONTENT.PROMPT_VARIABLES_JSON, variables)
                .set(SPAN_CONTENT.ATTRIBUTES_JSON, attributes)
                .execute();
    }

    /** Appends to the span's stored messages, as the importer keeps them (decision 0008). */
    private static void message(DSLContext dsl, long spanId, String direction, int index, String role, String content,
                                String toolCalls) {
        List<StoredMessage> messages = new ArrayList<>(ContentJson.parseMessages(
                dsl.fetchValue(SPAN_CONTENT.MESSAGES_JSON, SPAN_CONTENT.SPAN_ID.eq(spanId))));
        messages.add(new StoredMessage(direction, index, role, null, content, toolCalls, null, null));
        storeContent(dsl, spanId, SPAN_CONTENT.MESSAGES_JSON, ContentJson.messages(messages));
    }

    private static void document(DSLContext dsl, long spanId, int rank, String documentId, double score, String content) {
        List<StoredDocument> documents = new ArrayList<>(ContentJson.parseDocuments(
                dsl.fetchValue(SPAN_CONTENT.DOCUMENTS_JSON, SPAN_CONTENT.SPAN_ID.eq(spanId))));
        documents.add(new StoredDocument(rank, documentId, score, content, null, null));
        storeContent(dsl, spanId, SPAN_CONTENT.DOCUMENTS_JSON, ContentJson.documents(documents));
    }

    private static void storeContent(DSLContext dsl, long spanId, org.jooq.Field<String> column, String json) {
        if (dsl.fetchExists(SPAN_CONTENT, SPAN_CONTENT.SPAN_ID.eq(spanId))) {
            dsl.update(SPAN_CONTENT).set(column, json).where(SPAN_CONTENT.SPAN_ID.eq(spanId)).execute();
        } else {
            dsl.insertInto(SPAN_CONTENT).set(SPAN_CONTENT.SPAN_ID, spanId).set(column, json).execute();
        }
    }

    private static void check(DSLContext dsl, long spanId, String name, String source, String label, Double value,
                              Boolean passed, String explanation) {
        dsl.insertInto(CHECK_RESULT)
                .set(CHECK_RESULT.SPAN_ID, spanId)
                .set(CHECK_RESULT.NAME, name)
                .set(CHECK_RESULT.CHECK_SOURCE, source)
                .set(CHECK_RESULT.LABEL, label)
                .set(CHECK_RESULT.SCORE_VALUE, value)
                .set(CHECK_RESULT.PASSED, passed)
                .set(CHECK_RESULT.EXPLANATION, explanation)
                .execute();
    }
}
