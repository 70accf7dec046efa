package dev.tracedesk.ingest.promptfoo;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tracedesk.ingest.source.JsonValues;
import dev.tracedesk.ingest.source.LineReader;

/**
 * The JSON parser of the promptfoo readers: the shared mapper, but with room for a string as long as
 * a line may be. Jackson stops at 20 MB by default, and a model's output or a rendered prompt can be
 * longer; in a results.json that would end the file at that result, not just cost the result.
 */
final class PromptfooJson {

    static final ObjectMapper MAPPER = withLongStrings();

    private PromptfooJson() {
    }

    private static ObjectMapper withLongStrings() {
        ObjectMapper mapper = JsonValues.MAPPER.copy();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(LineReader.DEFAULT_MAX_LINE_BYTES)
                .build());
        return mapper;
    }
}
