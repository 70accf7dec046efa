package dev.tracedesk.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.Sniff;

/** Spans printed by the Python SDK's console exporter, and Phoenix's span JSON, in the shapes their docs show. */
class ConsoleSpansTest {

    private static final String CHILD = """
            {
                "name": "llm",
                "context": {
                    "trace_id": "0x6c80880dbeb609e2ed41e06a6397a0dd",
                    "span_id": "0xd9bdedf0df0b7208",
                    "trace_state": "[]"
                },
                "kind": "SpanKind.INTERNAL",
                "parent_id": "0x7eb5df0046c77cd2",
                "start_time": "2024-05-08T21:46:11.480777Z",
                "end_time": "2024-05-08T21:46:35.368042Z",
                "status": {
                    "status_code": "OK"
                },
                "attributes": {
                    "openinference.span.kind": "LLM",
                    "llm.input_messages.0.message.role": "user",
                    "llm.input_messages.0.message.content": "Hello",
                    "llm.model_name": "gpt-4-turbo-preview",
                    "output.value": "How are you?"
                },
                "events": [],
                "links": [],
                "resource": {
                    "attributes": {"service.name": "rag-app"},
                    "schema_url": ""
                }
            }
            """;
    private static final String ROOT = """
            {
                "name": "query",
                "context": {"trace_id": "0x6c80880dbeb609e2ed41e06a6397a0dd", "span_id": "0x7eb5df0046c77cd2", "trace_state": "[]"},
                "kind": "SpanKind.INTERNAL",
                "parent_id": null,
                "start_time": "2024-05-08T21:46:10.000000Z",
                "end_time": "2024-05-08T21:46:36.000000Z",
                "status": {"status_code": "ERROR", "description": "ValueError: boom"},
                "attributes": {"openinference.span.kind": "CHAIN", "input.value": "Hello"},
                "events": [{"name": "exception", "timestamp": "2024-05-08T21:46:35.900000Z",
                            "attributes": {"exception.type": "ValueError", "exception.message": "boom"}}],
                "links": [],
                "resource": {"attributes": {"service.name": "rag-app"}, "schema_url": ""}
            }
            """;

    @TempDir
    Path temp;

    @Test
    void consoleExporterOutputIsReadSpanBySpanWithItsPrefixedIdsAndIsoTimes() throws IOException {
        Path file = OtlpReading.write(temp, "console.log", CHILD + ROOT);
        OtlpTracesReader reader = new OtlpTracesReader();

        assertThat(reader.confidence(Sniff.of(ImportSource.of(file)))).isEqualTo(80);
        CollectingSink sink = OtlpReading.read(reader, file);

        assertThat(sink.rejections).isEmpty();
        CanonicalSpan llm = sink.span("d9bdedf0df0b7208");
        assertThat(llm.traceId).isEqualTo("6c80880dbeb609e2ed41e06a6397a0dd");
        assertThat(llm.parentSpanId).isEqualTo("7eb5df0046c77cd2");
        assertThat(llm.kind).isEqualTo(SpanKind.LLM);
        assertThat(llm.status).isEqualTo(SpanStatus.OK);
        assertThat(llm.startNs).isEqualTo(1715204771480777000L);
        assertThat(llm.durationNs).isEqualTo(23_887_265_000L);
        assertThat(llm.servedModel).isEqualTo("gpt-4-turbo-preview");
        assertThat(llm.messages).extracting(CanonicalMessage::content).containsExactly("Hello");
        assertThat(llm.outputText).isEqualTo("How are you?");
        assertThat(llm.resourceJson).isEqualTo("{\"service.name\":\"rag-app\"}");
        assertThat(OtlpEnvelopes.JSON.readTree(llm.attributesJson).get("otel.span.kind").asText()).isEqualTo("INTERNAL");
        CanonicalSpan root = sink.span("7eb5df0046c77cd2");
        assertThat(root.parentSpanId).isNull();
        assertThat(root.traceName).isEqualTo("query");
        assertThat(root.status).isEqualTo(SpanStatus.ERROR);
        assertThat(root.errorMessage).isEqualTo("ValueError: boom");
        assertThat(root.eventsJson).contains("\"timeUnixNano\":1715204795900000000");
    }

    @Test
    void phoenixSpanJsonLinesAreReadWithTheirSpanKindAndStatus() throws IOException {
        String line = "{\"name\":\"ChatCompletion\",\"context\":{\"trace_id\":\"6c80880dbeb609e2ed41e06a6397a0dd\","
                + "\"span_id\":\"d9bdedf0df0b7208\"},\"span_kind\":\"LLM\",\"parent_id\":null,"
                + "\"start_time\":\"2024-05-08T21:46:11.480777+00:00\",\"end_time\":\"2024-05-08T21:46:12.480777+00:00\","
                + "\"status_code\":\"ERROR\",\"status_message\":\"timeout\",\"attributes\":{\"llm.token_count.prompt\":12},"
                + "\"events\":[]}";

        CollectingSink sink = OtlpReading.readText(new OtlpTracesReader(), temp, "spans.jsonl", line + "\n" + line.replace(
                "d9bdedf0df0b7208", "d9bdedf0df0b7209") + "\n");

        assertThat(sink.rejections).isEmpty();
        assertThat(sink.spans).hasSize(2).allSatisfy(span -> {
            assertThat(span.kind).isEqualTo(SpanKind.LLM);
            assertThat(span.status).isEqualTo(SpanStatus.ERROR);
            assertThat(span.errorMessage).isEqualTo("timeout");
            assertThat(span.inputTokens).isEqualTo(12);
            assertThat(span.durationNs).isEqualTo(1_000_000_000L);
        });
    }

    @Test
    void aConsoleSpanWithoutASpanIdIsRejectedWithItsJson() throws IOException {
        String broken = "{\"name\":\"x\",\"context\":{\"trace_id\":\"0x6c80880dbeb609e2ed41e06a6397a0dd\"},\"start_time\":\"2024-05-08T21:46:11Z\"}";

        CollectingSink sink = OtlpReading.readText(new OtlpTracesReader(), temp, "broken.jsonl", broken + "\n");

        assertThat(sink.spans).isEmpty();
        assertThat(sink.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.locator()).isEqualTo("line 1, object 1");
            assertThat(rejection.reason()).isEqualTo("the span has no spanId");
            assertThat(OtlpEnvelopes.JSON.readTree(rejection.rawText())).isEqualTo(OtlpEnvelopes.JSON.readTree(broken));
        });
    }
}
