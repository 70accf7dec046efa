package dev.tracedesk.ingest.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.generic.FieldMapping.Field;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.MessageDirection;
import dev.tracedesk.ingest.source.ImportSource;

class GenericJsonlReaderTest {

    private static final FieldMapping LITELLM_STYLE = new FieldMapping("litellm", Map.ofEntries(
            Map.entry(Field.SPAN_ID, "id"), Map.entry(Field.TRACE_ID, "trace_id"),
            Map.entry(Field.START_TIME, "startTime"), Map.entry(Field.END_TIME, "endTime"),
            Map.entry(Field.REQUESTED_MODEL, "model"), Map.entry(Field.SERVED_MODEL, "/response/model"),
            Map.entry(Field.INPUT_MESSAGES, "messages"), Map.entry(Field.OUTPUT, "/response/choices/0/message/content"),
            Map.entry(Field.INPUT_TOKENS, "prompt_tokens"), Map.entry(Field.OUTPUT_TOKENS, "completion_tokens"),
            Map.entry(Field.ERROR, "error_str")));

    @Test
    void eachLineBecomesAnLlmSpanAsTheMappingSays() throws Exception {
        CollectingSink sink = read(LITELLM_STYLE, "litellm-style-calls.jsonl");

        assertThat(sink.spans).hasSize(2);
        CanonicalSpan first = sink.span("c1");
        assertThat(first.traceId).isEqualTo("conv-1");
        assertThat(first.kind).isEqualTo(SpanKind.LLM);
        assertThat(first.requestedModel).isEqualTo("gpt-4o-mini");
        assertThat(first.servedModel).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(first.startNs).isEqualTo(1_732_680_000_250_000_000L);
        assertThat(first.durationNs).isEqualTo(1_250_000_000L);
        assertThat(first.inputTokens).isEqualTo(25);
        assertThat(first.outputTokens).isEqualTo(4);
        assertThat(first.messages(MessageDirection.INPUT)).extracting(m -> m.role() + ": " + m.content())
                .containsExactly("system: Be brief.", "user: What is our refund window?");
        assertThat(first.outputText).isEqualTo("30 days.");
        assertThat(first.status).isEqualTo(SpanStatus.OK);

        CanonicalSpan failed = sink.span("c2");
        assertThat(failed.status).isEqualTo(SpanStatus.ERROR);
        assertThat(failed.errorMessage).isEqualTo("RateLimitError: 429");
    }

    @Test
    void aLineThatIsNotJsonIsRejectedWithItsLineNumberAndText() throws Exception {
        CollectingSink sink = read(LITELLM_STYLE, "litellm-style-calls.jsonl");

        assertThat(sink.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.lineNumber()).isEqualTo(3);
            assertThat(rejection.rawText()).isEqualTo("not json at all");
            assertThat(rejection.reason()).startsWith("not valid JSON");
        });
    }

    @Test
    void aRecordWithoutAnIdIsNamedByItsContentSoReimportFindsItAgain() throws Exception {
        FieldMapping withoutIds = new FieldMapping("plain", Map.of(Field.INPUT, "prompt", Field.OUTPUT, "completion"));
        CollectingSink once = read(withoutIds, "litellm-style-calls.jsonl");
        CollectingSink twice = read(withoutIds, "litellm-style-calls.jsonl");

        assertThat(once.spans).extracting(span -> span.spanId).hasSize(2).doesNotHaveDuplicates()
                .containsExactlyElementsOf(twice.spans.stream().map(span -> span.spanId).toList());
    }

    @Test
    void timesAreReadAsIsoOrEpochSecondsMillisMicrosOrNanosBySize() {
        long expected = 1_732_680_000_000_000_000L;
        assertThat(GenericCallMapper.time(new TextNode("2024-11-27T04:00:00Z"))).isEqualTo(expected);
        assertThat(GenericCallMapper.time(new TextNode("2024-11-27 04:00:00"))).isEqualTo(expected);
        assertThat(GenericCallMapper.time(IntNode.valueOf(1_732_680_000))).isEqualTo(expected);
        assertThat(GenericCallMapper.time(LongNode.valueOf(1_732_680_000_000L))).isEqualTo(expected);
        assertThat(GenericCallMapper.time(LongNode.valueOf(1_732_680_000_000_000L))).isEqualTo(expected);
        assertThat(GenericCallMapper.time(LongNode.valueOf(expected))).isEqualTo(expected);
    }

    @Test
    void aMappingMustNameItsInputOrOutputAndOnlyKnownFields() {
        assertThat(new FieldMapping("x", Map.of(Field.TRACE_ID, "/t")).problems())
                .containsExactly("map at least one of input, inputMessages or output");
        assertThatThrownBy(() -> FieldMapping.fromJson(new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"name\":\"x\",\"fields\":{\"prompt\":\"/p\"}}")))
                .hasMessageContaining("Unknown field 'prompt'").hasMessageContaining("inputMessages");
    }

    private static CollectingSink read(FieldMapping mapping, String fixture) throws IOException, URISyntaxException {
        Path file = Path.of(GenericJsonlReaderTest.class.getResource("/fixtures/generic/" + fixture).toURI());
        CollectingSink sink = new CollectingSink();
        new GenericJsonlReader(mapping).read(ImportSource.of(file), sink);
        return sink;
    }
}
