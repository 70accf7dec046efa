package dev.tracedesk.ingest.generic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.generic.FieldMapping.Field;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.source.ImportSource;

class GenericCsvReaderTest {

    private static final FieldMapping HELICONE_STYLE = new FieldMapping("helicone", Map.of(
            Field.SPAN_ID, "request_id", Field.START_TIME, "created_at", Field.LATENCY_MS, "latency_ms",
            Field.REQUESTED_MODEL, "model", Field.INPUT, "prompt", Field.OUTPUT, "completion",
            Field.INPUT_TOKENS, "prompt_tokens", Field.OUTPUT_TOKENS, "completion_tokens",
            Field.COST_USD, "cost_usd", Field.ERROR, "status"));

    @Test
    void eachRowBecomesAnLlmSpanWithColumnsMappedByName() throws Exception {
        CollectingSink sink = read();

        assertThat(sink.spans).hasSize(3);
        CanonicalSpan first = sink.span("r-1");
        assertThat(first.startNs).isEqualTo(1_795_168_800_000_000_000L);
        assertThat(first.durationNs).isEqualTo(812_000_000L);
        assertThat(first.inputText).isEqualTo("What is the refund window?");
        assertThat(first.outputText).isEqualTo("30 days, with the receipt.");
        assertThat(first.costUsd).isEqualByComparingTo("0.0000069");
        assertThat(sink.span("r-2").inputText).isEqualTo("Summarise:\nline one\nline two");
        assertThat(sink.span("r-3").status).isEqualTo(SpanStatus.ERROR);
        assertThat(sink.span("r-3").errorMessage).isEqualTo("upstream timeout");
        assertThat(sink.span("r-3").costUsd).isNull();
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRejectedWithItsLine() throws Exception {
        CollectingSink sink = read();

        assertThat(sink.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.lineNumber()).isEqualTo(7);
            assertThat(rejection.rawText()).isEqualTo("r-4,only,three");
            assertThat(rejection.reason()).isEqualTo("the row has 3 fields, the header 10");
        });
    }

    private static CollectingSink read() throws Exception {
        Path file = Path.of(GenericCsvReaderTest.class.getResource("/fixtures/generic/helicone-style-requests.csv").toURI());
        CollectingSink sink = new CollectingSink();
        new GenericCsvReader(HELICONE_STYLE).read(ImportSource.of(file), sink);
        return sink;
    }
}
