package dev.tracedesk.ingest.langfuse;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.source.JsonValues;

/**
 * A Langfuse trace as a root span — the trace id is its span id, its kind CHAIN, and it holds the
 * trace's input and output — plus, for a trace object with its observations and scores inline
 * (GET /traces/{id}), those observations as spans under it and the scores as checks on them.
 *
 * <p>Langfuse hangs top-level observations under the trace, so they get the root as parent here.
 * An observation read on its own (blob export, observations API) has no trace object beside it
 * and stays a root itself: a trace-level score then lands on the earliest root.
 */
final class TraceMapper {

    /** A part of the trace that could not be read: where in the trace, its text, and why. */
    record Problem(String where, String rawText, String reason) {
    }

    /** The spans to emit in order (root first), scores whose observation is not in the trace, and problems. */
    record MappedTrace(List<CanonicalSpan> spans, List<ScoreMapper.Score> strayScores, List<Problem> problems) {
    }

    private TraceMapper() {
    }

    static MappedTrace map(LangfuseRecord trace) throws RecordProblem {
        String traceId = trace.text("id");
        if (traceId == null) {
            throw new RecordProblem("the trace has no id");
        }
        CanonicalSpan root = root(trace, traceId);
        List<Problem> problems = new ArrayList<>();
        List<CanonicalSpan> ordered = new ArrayList<>();
        ordered.add(root);
        Map<String, CanonicalSpan> spans = new LinkedHashMap<>();
        spans.put(traceId, root);
        JsonNode observations = trace.node().get("observations");
        if (observations != null && observations.isArray()) {
            int index = 0;
            for (JsonNode element : observations) {
                String where = "observations[" + index++ + "]";
                if (!element.isObject()) {
                    // TraceWithDetails lists observation ids only: nothing to read, the ids stay in the attributes
                    if (!element.isTextual()) {
                        problems.add(new Problem(where, element.toString(), "expected an observation object, found " + kindOf(element)));
                    }
                    continue;
                }
                try {
                    CanonicalSpan span = ObservationMapper.map(new LangfuseRecord(element), traceId);
                    if (span.spanId.equals(traceId)) {
                        throw new RecordProblem("observation " + span.spanId + " has its trace's id, which the trace's own span has");
                    }
                    if (span.parentSpanId == null && span.traceId.equals(traceId)) {
                        span.parentSpanId = traceId;
                    }
                    copyTraceFacts(root, span);
                    // a repeated id is emitted too: the writer counts it a duplicate rather than it vanishing here
                    spans.putIfAbsent(span.spanId, span);
                    ordered.add(span);
                } catch (RecordProblem problem) {
                    problems.add(new Problem(where, element.toString(), problem.getMessage()));
                }
            }
        }
        finishRootDuration(trace, root, spans.values());
        List<ScoreMapper.Score> stray = attachScores(trace, traceId, spans, problems);
        return new MappedTrace(ordered, stray, problems);
    }

    private static CanonicalSpan root(LangfuseRecord trace, String traceId) {
        CanonicalSpan root = new CanonicalSpan();
        root.sourceSystem = ObservationMapper.SOURCE_SYSTEM;
        root.traceId = traceId;
        root.spanId = traceId;
        root.kind = SpanKind.CHAIN;
        root.name = trace.text("name");
        root.traceName = root.name;
        root.sessionId = trace.text("sessionId", "session_id");
        root.userId = trace.text("userId", "user_id");
        root.startNs = trace.nanos("timestamp");
        SpanContent.apply(trace, root);
        root.checks.addAll(ScoreMapper.fromNameValueMap(trace.get("scores"), traceId, root.startNs));
        root.attributesJson = withoutInlineRecords(trace.node()).toString();
        return root;
    }

    /**
     * The trace ends when its last observation does; without observations, the API's latency
     * (seconds) says how long it took. The blob export's trace rows have neither.
     */
    private static void finishRootDuration(LangfuseRecord trace, CanonicalSpan root, Iterable<CanonicalSpan> spans) {
        if (root.startNs == null) {
            return;
        }
        Long end = null;
        for (CanonicalSpan span : spans) {
            if (span != root && span.startNs != null) {
                long spanEnd = span.startNs + (span.durationNs == null ? 0 : span.durationNs);
                end = end == null ? spanEnd : Math.max(end, spanEnd);
            }
        }
        root.durationNs = end != null ? Long.valueOf(Math.max(0, end - root.startNs))
                : JsonValues.secondsToNanos(JsonValues.asDouble(trace.get("latency")));
    }

    private static List<ScoreMapper.Score> attachScores(LangfuseRecord trace, String traceId,
                                                        Map<String, CanonicalSpan> spans, List<Problem> problems) {
        JsonNode scores = trace.node().get("scores");
        List<ScoreMapper.Score> stray = new ArrayList<>();
        if (scores == null || !scores.isArray()) {
            return stray;
        }
        int index = 0;
        for (JsonNode element : scores) {
            String where = "scores[" + index++ + "]";
            if (!element.isObject()) {
                if (!element.isTextual()) {
                    problems.add(new Problem(where, element.toString(), "expected a score object, found " + kindOf(element)));
                }
                continue;
            }
            ObjectNode withTrace = ((ObjectNode) element).deepCopy();
            if (!JsonValues.present(withTrace.get("traceId"))) {
                withTrace.put("traceId", traceId);
            }
            try {
                ScoreMapper.Score score = ScoreMapper.map(new LangfuseRecord(withTrace));
                String observationId = score.target().spanId();
                CanonicalSpan span = spans.get(observationId == null ? traceId : observationId);
                if (span != null && score.target().traceId().equals(traceId)) {
                    span.checks.add(score.check());
                } else {
                    stray.add(score);
                }
            } catch (RecordProblem problem) {
                problems.add(new Problem(where, element.toString(), problem.getMessage()));
            }
        }
        return stray;
    }

    private static void copyTraceFacts(CanonicalSpan root, CanonicalSpan span) {
        span.traceName = CanonicalSpan.firstNonNull(span.traceName, root.traceName);
        span.sessionId = CanonicalSpan.firstNonNull(span.sessionId, root.sessionId);
        span.userId = CanonicalSpan.firstNonNull(span.userId, root.userId);
    }

    /** The trace as its attributes: observations and scores that became spans and checks are not repeated. */
    private static JsonNode withoutInlineRecords(JsonNode trace) {
        ObjectNode copy = JsonValues.MAPPER.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = trace.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            boolean inline = (field.getKey().equals("observations") || field.getKey().equals("scores"))
                    && field.getValue().isArray() && containsObject(field.getValue());
            if (!inline) {
                copy.set(field.getKey(), field.getValue());
            }
        }
        return copy;
    }

    private static boolean containsObject(JsonNode array) {
        for (JsonNode element : array) {
            if (element.isObject()) {
                return true;
            }
        }
        return false;
    }

    static String kindOf(JsonNode node) {
        return node == null || node.isNull() ? "null" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
