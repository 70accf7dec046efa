package dev.tracedesk.search;

import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.SPAN_CONTENT;
import static dev.tracedesk.store.generated.Tables.TRACE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.SelectOnConditionStep;

import dev.tracedesk.store.content.ContentJson;
import dev.tracedesk.store.content.StoredDocument;
import dev.tracedesk.store.content.StoredMessage;

/**
 * A span as search sees it, read from the store: its ids, keyword facts, and its text gathered
 * into the three text fields — input (messages in, else the input text, plus the template),
 * output (messages out, else the output text) and context (the retrieved documents).
 */
record SpanTexts(long rowId, String traceId, String spanId, String name, String kind, String status,
                 String provider, List<String> models, String template, String version,
                 String input, String output, String context) {

    /** The next spans after {@code afterRowId}, in row order. */
    static List<SpanTexts> after(DSLContext dsl, long afterRowId, int limit) {
        return select(dsl).where(SPAN.ID.gt(afterRowId)).orderBy(SPAN.ID).limit(limit).fetch(SpanTexts::of);
    }

    /** These spans, by row id. */
    static Map<Long, SpanTexts> byRowId(DSLContext dsl, Collection<Long> rowIds) {
        Map<Long, SpanTexts> spans = new LinkedHashMap<>();
        select(dsl).where(SPAN.ID.in(rowIds)).fetch(SpanTexts::of).forEach(span -> spans.put(span.rowId(), span));
        return spans;
    }

    String text(String field) {
        return switch (field) {
            case SearchFields.INPUT -> input;
            case SearchFields.OUTPUT -> output;
            case SearchFields.CONTEXT -> context;
            case SearchFields.NAME -> name;
            default -> null;
        };
    }

    private static SelectOnConditionStep<Record> select(DSLContext dsl) {
        return dsl.select(List.<SelectField<?>>of(SPAN.ID, TRACE.EXTERNAL_TRACE_ID, SPAN.EXTERNAL_SPAN_ID, SPAN.NAME, SPAN.KIND, SPAN.STATUS,
                        SPAN.PROVIDER, SPAN.REQUESTED_MODEL, SPAN.SERVED_MODEL, SPAN.PROMPT_TEMPLATE_NAME,
                        SPAN.PROMPT_TEMPLATE_VERSION, SPAN_CONTENT.INPUT_TEXT, SPAN_CONTENT.OUTPUT_TEXT,
                        SPAN_CONTENT.PROMPT_TEMPLATE_TEXT, SPAN_CONTENT.MESSAGES_JSON, SPAN_CONTENT.DOCUMENTS_JSON))
                .from(SPAN)
                .join(TRACE).on(TRACE.ID.eq(SPAN.TRACE_ID))
                .leftJoin(SPAN_CONTENT).on(SPAN_CONTENT.SPAN_ID.eq(SPAN.ID));
    }

    private static SpanTexts of(Record row) {
        List<StoredMessage> messages = ContentJson.parseMessages(row.get(SPAN_CONTENT.MESSAGES_JSON));
        String messagesIn = join(messages, "INPUT");
        String messagesOut = join(messages, "OUTPUT");
        StringBuilder input = new StringBuilder(messagesIn.isEmpty() ? nullToEmpty(row.get(SPAN_CONTENT.INPUT_TEXT)) : messagesIn);
        String template = row.get(SPAN_CONTENT.PROMPT_TEMPLATE_TEXT);
        if (template != null) {
            input.append("\n\n").append(template);
        }
        StringBuilder context = new StringBuilder();
        for (StoredDocument document : ContentJson.parseDocuments(row.get(SPAN_CONTENT.DOCUMENTS_JSON))) {
            if (document.content() != null) {
                context.append(document.content()).append("\n\n");
            }
        }
        List<String> models = new ArrayList<>(2);
        addIfPresent(models, row.get(SPAN.SERVED_MODEL));
        addIfPresent(models, row.get(SPAN.REQUESTED_MODEL));
        return new SpanTexts(row.get(SPAN.ID), row.get(TRACE.EXTERNAL_TRACE_ID), row.get(SPAN.EXTERNAL_SPAN_ID),
                row.get(SPAN.NAME), row.get(SPAN.KIND), row.get(SPAN.STATUS), row.get(SPAN.PROVIDER), models,
                row.get(SPAN.PROMPT_TEMPLATE_NAME), row.get(SPAN.PROMPT_TEMPLATE_VERSION), input.toString().strip(),
                messagesOut.isEmpty() ? nullToEmpty(row.get(SPAN_CONTENT.OUTPUT_TEXT)) : messagesOut,
                context.toString().strip());
    }

    private static String join(List<StoredMessage> messages, String direction) {
        StringBuilder text = new StringBuilder();
        for (StoredMessage message : messages) {
            if (direction.equals(message.direction()) && message.content() != null) {
                text.append(message.content()).append("\n\n");
            }
        }
        return text.toString().strip();
    }

    private static void addIfPresent(List<String> values, String value) {
        if (value != null && !value.isBlank() && !values.contains(value)) {
            values.add(value);
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
