package dev.tracedesk.ingest.promptfoo;

import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.model.Rejection;

/** Turns one parsed promptfoo result into a case, or into a rejection saying why it is none. */
final class ResultEmitter {

    private final RecordSink sink;
    private final PromptfooResultMapper mapper;

    ResultEmitter(RecordSink sink, PromptfooResultMapper mapper) {
        this.sink = sink;
        this.mapper = mapper;
    }

    /** The raw text is asked for only when the result is rejected; writing it out costs a pass. */
    void emit(JsonNode result, String locator, Long lineNumber, Supplier<String> rawText) {
        String problem = problemOf(result);
        if (problem != null) {
            sink.reject(new Rejection(locator, lineNumber, rawText.get(), problem));
            return;
        }
        try {
            sink.evalCase(mapper.map(result));
        } catch (RuntimeException e) {
            sink.reject(new Rejection(locator, lineNumber, rawText.get(),
                    "the result could not be read: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    /** Why this parsed value is no promptfoo result, or null when it is one. */
    static String problemOf(JsonNode result) {
        if (!result.isObject()) {
            return "a promptfoo result must be a JSON object, this is " + kind(result);
        }
        if (!PromptfooResultMapper.looksLikeResult(result)) {
            return "not a promptfoo result: it has none of provider, prompt, response, success, "
                    + "gradingResult, testCase";
        }
        return null;
    }

    private static String kind(JsonNode node) {
        if (node.isNull()) {
            return "null";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        return node.isBoolean() ? "a boolean" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
