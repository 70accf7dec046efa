package dev.tracedesk.ingest.otlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON reader for OTLP files. Jackson's default limit of 20 M characters per string would
 * reject a real prompt stuffed with a large document; an attribute is allowed to be as long as a
 * line may be (see {@link dev.tracedesk.ingest.source.LineReader#DEFAULT_MAX_LINE_BYTES}).
 */
public final class OtlpJson {

    public static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .build())
            .build();

    /** Exact decimals, like {@link dev.tracedesk.ingest.source.JsonValues#MAPPER}: costs stay exact. */
    public static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private OtlpJson() {
    }
}
