package dev.tracedesk.ingest.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.core.model.SpanStatus;

/**
 * One span in the canonical model, as a reader and its dialect mappers fill it in and the writer
 * stores it. A mutable draft on purpose: several mappers contribute to one span, each setting only
 * what its dialect knows (see {@link #firstNonNull}); it is written once and then dropped.
 *
 * <p>Ids are the source's own (OTLP hex ids lower-cased). Times are epoch nanoseconds.
 */
public final class CanonicalSpan {

    public String traceId;
    public String spanId;
    /** Null for a root span. */
    public String parentSpanId;
    /** The system the record came from ("otlp", "langfuse", …), stored on the trace. */
    public String sourceSystem;

    /** Trace-level facts a span may carry (root span name, session, user); applied to its trace. */
    public String traceName;
    public String sessionId;
    public String userId;

    public SpanKind kind = SpanKind.OTHER;
    public String name;
    public Long startNs;
    public Long durationNs;
    public SpanStatus status = SpanStatus.UNSET;
    public String errorMessage;

    public String operationName;
    public String provider;
    public String requestedModel;
    /** The dated model version that answered (the response model). */
    public String servedModel;
    public String parametersJson;

    public String promptTemplateName;
    public String promptTemplateVersion;
    public String promptTemplateText;
    public String promptVariablesJson;

    public Long inputTokens;
    public Long outputTokens;
    public Long totalTokens;
    /** A cost the source reported, in USD; estimates are made by the writer, never here. */
    public BigDecimal costUsd;
    public Long timeToFirstTokenNs;

    /** The call's input and output as text (rendered prompt, completion, or the raw value). */
    public String inputText;
    public String outputText;

    public final List<CanonicalMessage> messages = new ArrayList<>();
    public final List<CanonicalDocument> documents = new ArrayList<>();
    public final List<CanonicalCheck> checks = new ArrayList<>();

    /** Every attribute as the source wrote it, so nothing is lost (JSON object). */
    public String attributesJson;
    public String resourceJson;
    public String eventsJson;

    /** The first of the values that is not null: mappers call it to keep earlier, better sources. */
    @SafeVarargs
    public static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    public List<CanonicalMessage> messages(MessageDirection direction) {
        return messages.stream().filter(message -> message.direction() == direction).toList();
    }
}
