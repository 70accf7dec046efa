package dev.tracedesk.ingest.otlp;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.ingest.model.CanonicalLogEvent;
import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.otlp.dialect.GenAiEvents;
import dev.tracedesk.ingest.otlp.dialect.Values;

/**
 * One OTLP log record to the GenAI messages it carries: the message events
 * gen_ai.{system,user,assistant,tool}.message and gen_ai.choice (the message in the body), and
 * gen_ai.client.inference.operation.details (messages in its attributes). The event's name is the
 * record's eventName, or its event.name attribute in older SDKs. Any other log record carries no
 * LLM data and gives nothing.
 */
final class OtlpLogRecordMapper {

    /** The messages of the record; empty when it is no GenAI event. */
    List<CanonicalLogEvent> map(ObjectNode record) throws BadRecordException {
        ObjectNode attributes = AnyValues.keyValues(record.get("attributes"));
        String eventName = Values.text(field(record, "eventName", "event_name"));
        if (eventName == null) {
            eventName = Values.text(attributes.get("event.name"));
        }
        boolean messageEvent = GenAiEvents.isMessageEvent(eventName);
        if (!messageEvent && !GenAiEvents.OPERATION_DETAILS.equals(eventName)) {
            return List.of();
        }
        String traceId = OtlpIds.normalize(Values.text(field(record, "traceId", "trace_id")), OtlpIds.TRACE_ID_HEX);
        String spanId = OtlpIds.normalize(Values.text(field(record, "spanId", "span_id")), OtlpIds.SPAN_ID_HEX);
        if (traceId == null || spanId == null) {
            throw new BadRecordException("the " + eventName + " event has no " + (traceId == null ? "traceId" : "spanId")
                    + ", so its message belongs to no span");
        }
        Long timeNs = OtlpTimes.nanos(field(record, "timeUnixNano", "time_unix_nano"));
        if (timeNs == null) {
            timeNs = OtlpTimes.nanos(field(record, "observedTimeUnixNano", "observed_time_unix_nano"));
        }
        JsonNode body = record.get("body");
        JsonNode decodedBody = body == null ? null : AnyValues.decode(body);
        List<CanonicalLogEvent> events = new ArrayList<>();
        if (messageEvent) {
            JsonNode content = decodedBody == null || decodedBody.isNull()
                    ? GenAiEvents.bodyFromAttributes(attributes) : decodedBody;
            events.add(new CanonicalLogEvent(traceId, spanId, timeNs, GenAiEvents.message(eventName, content)));
        } else {
            ObjectNode source = decodedBody != null && decodedBody.isObject() && decodedBody.has("gen_ai.input.messages")
                    ? (ObjectNode) decodedBody : attributes;
            add(events, traceId, spanId, timeNs,
                    GenAiEvents.inputMessages(source.get("gen_ai.input.messages"), source.get("gen_ai.system_instructions")));
            add(events, traceId, spanId, timeNs, GenAiEvents.outputMessages(source.get("gen_ai.output.messages")));
        }
        return events;
    }

    private static void add(List<CanonicalLogEvent> events, String traceId, String spanId, Long timeNs,
                            List<CanonicalMessage> messages) {
        if (messages != null) {
            messages.forEach(message -> events.add(new CanonicalLogEvent(traceId, spanId, timeNs, message)));
        }
    }

    private static JsonNode field(ObjectNode record, String camel, String snake) {
        JsonNode value = record.get(camel);
        return value != null ? value : record.get(snake);
    }
}
