package dev.tracedesk.ingest.otlp;

import static dev.tracedesk.ingest.otlp.OtlpEnvelopes.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.FormatReaders;
import dev.tracedesk.ingest.ImportFormat;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.Sniff;

/** The OTLP envelope edge cases of FORMATS.md §10. */
class OtlpEnvelopeEdgeCasesTest {

    private final OtlpTracesReader reader = new OtlpTracesReader();

    @TempDir
    Path temp;

    @Test
    void base64AndPrefixedAndUpperCaseIdsBecomeLowerCaseHex() throws IOException {
        CollectingSink sink = read("""
                {"resourceSpans":[{"scopeSpans":[{"spans":[
                  {"traceId":"S/kvNXezTaajzpKdDg5HNg==","spanId":"APBnqgupArc=","parentSpanId":"","name":"b64"},
                  {"traceId":"0x4BF92F3577B34DA6A3CE929D0E0E4736","spanId":"0x00F067AA0BA902B8",
                   "parentSpanId":"00f067aa0ba902b7","name":"hex"}]}]}]}
                """);

        CanonicalSpan base64 = sink.spans.get(0);
        assertThat(base64.traceId).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(base64.spanId).isEqualTo("00f067aa0ba902b7");
        assertThat(base64.parentSpanId).as("an empty parent means a root span").isNull();
        assertThat(base64.traceName).isEqualTo("b64");
        CanonicalSpan prefixed = sink.spans.get(1);
        assertThat(prefixed.traceId).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(prefixed.spanId).isEqualTo("00f067aa0ba902b8");
        assertThat(prefixed.parentSpanId).isEqualTo("00f067aa0ba902b7");
        assertThat(prefixed.traceName).isNull();
    }

    @Test
    void numbersAsStringsOrNumbersAndTheirTypesAreKept() throws IOException {
        CollectingSink sink = read("""
                {"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"4bf92f3577b34da6a3ce929d0e0e4736",
                  "spanId":"00f067aa0ba902b7","name":"n","startTimeUnixNano":"1700000000000000000",
                  "endTimeUnixNano":1700000000250000000,"attributes":[
                    {"key":"gen_ai.usage.input_tokens","value":{"intValue":42}},
                    {"key":"gen_ai.usage.output_tokens","value":{"intValue":"8"}},
                    {"key":"gen_ai.request.temperature","value":{"doubleValue":1}},
                    {"key":"big","value":{"intValue":"18446744073709551615"}},
                    {"key":"flag","value":{"boolValue":true}},
                    {"key":"raw","value":{"bytesValue":"AAEC"}},
                    {"key":"list","value":{"arrayValue":{"values":[{"stringValue":"a"},{"intValue":"1"}]}}},
                    {"key":"map","value":{"kvlistValue":{"values":[{"key":"k","value":{"stringValue":"v"}}]}}},
                    {"key":"empty","value":{}}]}]}]}]}
                """);

        CanonicalSpan span = sink.spans.get(0);
        assertThat(span.startNs).isEqualTo(1700000000000000000L);
        assertThat(span.durationNs).isEqualTo(250_000_000L);
        assertThat(span.inputTokens).isEqualTo(42);
        assertThat(span.outputTokens).isEqualTo(8);
        assertThat(span.parametersJson).isEqualTo("{\"temperature\":1}");
        JsonNode attributes = JSON.readTree(span.attributesJson);
        assertThat(attributes.get("big").asText()).as("beyond a long: kept as written").isEqualTo("18446744073709551615");
        assertThat(attributes.get("flag").booleanValue()).isTrue();
        assertThat(attributes.get("raw").asText()).isEqualTo("AAEC");
        assertThat(attributes.get("list").toString()).isEqualTo("[\"a\",1]");
        assertThat(attributes.get("map").toString()).isEqualTo("{\"k\":\"v\"}");
        assertThat(attributes.get("empty").isNull()).isTrue();
    }

    @Test
    void snakeCaseFieldNamesAndStatusEnumNamesAreRead() throws IOException {
        CollectingSink sink = read("""
                {"resource_spans":[{"resource":{"attributes":[{"key":"service.name","value":{"string_value":"svc"}}]},
                  "scope_spans":[{"scope":{"name":"lib"},"spans":[{"trace_id":"4bf92f3577b34da6a3ce929d0e0e4736",
                  "span_id":"00f067aa0ba902b7","parent_span_id":"00f067aa0ba902b6","name":"snake",
                  "start_time_unix_nano":"1700000000000000000","end_time_unix_nano":"1700000001000000000",
                  "kind":"SPAN_KIND_CLIENT","status":{"code":"STATUS_CODE_ERROR","message":"boom"},
                  "attributes":[{"key":"gen_ai.request.model","value":{"string_value":"m"}}]}]}]}]}
                """);

        CanonicalSpan span = sink.spans.get(0);
        assertThat(span.parentSpanId).isEqualTo("00f067aa0ba902b6");
        assertThat(span.durationNs).isEqualTo(1_000_000_000L);
        assertThat(span.status).isEqualTo(SpanStatus.ERROR);
        assertThat(span.errorMessage).isEqualTo("boom");
        assertThat(span.requestedModel).isEqualTo("m");
        assertThat(span.resourceJson).isEqualTo("{\"service.name\":\"svc\"}");
        assertThat(JSON.readTree(span.attributesJson).get("otel.span.kind").asText()).isEqualTo("CLIENT");
    }

    @Test
    void unknownFieldsLinksAndTraceStateAreKeptInTheAttributes() throws IOException {
        CollectingSink sink = read("""
                {"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"4bf92f3577b34da6a3ce929d0e0e4736",
                  "spanId":"00f067aa0ba902b7","name":"x","traceState":"vendor=1","futureField":{"a":1},
                  "links":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174",
                            "attributes":[{"key":"why","value":{"stringValue":"retry"}}]}],
                  "attributes":[{"key":"otel.trace_state","value":{"stringValue":"the source's own"}}]}],
                  "unknownScopeField":true}],"unknownResourceField":1}],"unknownTopLevel":"x"}
                """);

        JsonNode attributes = JSON.readTree(sink.spans.get(0).attributesJson);
        assertThat(attributes.get("otel.span.futureField").toString()).isEqualTo("{\"a\":1}");
        assertThat(attributes.at("/otel.links/0/attributes/why").asText()).isEqualTo("retry");
        assertThat(attributes.get("otel.trace_state").asText()).as("never over a source attribute").isEqualTo("the source's own");
    }

    @Test
    void severalResourcesAndLinesAndSpansOfOneTraceAcrossLinesAreAllEmitted() throws IOException {
        String line1 = """
                {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"a"}}]},\
                "scopeSpans":[{"spans":[{"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"0000000000000002",\
                "parentSpanId":"0000000000000001","name":"child"}]}]},\
                {"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"b"}}]},\
                "scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"0000000000000003","name":"other"}]}]}]}""";
        String line2 = """
                {"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"4bf92f3577b34da6a3ce929d0e0e4736",\
                "spanId":"0000000000000001","name":"root"}]}]}]}""";

        CollectingSink sink = read(line1 + "\n\n" + line2 + "\n");

        assertThat(sink.spans).extracting(span -> span.name).containsExactly("child", "other", "root");
        assertThat(sink.span("0000000000000003").resourceJson).isEqualTo("{\"service.name\":\"b\"}");
        assertThat(sink.span("0000000000000001").traceName).isEqualTo("root");
        assertThat(sink.span("0000000000000001").resourceJson).isNull();
    }

    @Test
    void aGzipJsonLinesFileIsReadLikeThePlainOne() throws IOException {
        String content = OtlpEnvelopes.tracesData(OtlpEnvelopes.span("00f067aa0ba902b7", null, "z",
                JSON.createObjectNode().put("gen_ai.request.model", "m"))) + "\n";

        CollectingSink sink = OtlpReading.read(reader, OtlpReading.writeGzip(temp, "spans.jsonl.gz", content));

        assertThat(sink.spans).singleElement().satisfies(span -> assertThat(span.requestedModel).isEqualTo("m"));
    }

    @Test
    void aPrettyPrintedDocumentWithItsResourceAfterTheSpansIsStreamedWithTheResource() throws IOException {
        String document = """
                {
                  "resourceSpans": [
                    {
                      "scopeSpans": [
                        {
                          "spans": [
                            {"traceId": "4bf92f3577b34da6a3ce929d0e0e4736", "spanId": "0000000000000001", "name": "one"},
                            {"traceId": "4bf92f3577b34da6a3ce929d0e0e4736", "spanId": "0000000000000002", "name": "two"}
                          ],
                          "scope": {"name": "late-scope"}
                        }
                      ],
                      "resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "late"}}]}
                    }
                  ]
                }
                """;

        CollectingSink sink = read(document);

        assertThat(sink.spans).hasSize(2).allSatisfy(span -> {
            assertThat(span.resourceJson).isEqualTo("{\"service.name\":\"late\"}");
            assertThat(JSON.readTree(span.attributesJson).get("otel.scope.name").asText()).isEqualTo("late-scope");
        });
    }

    @Test
    void aJsonArrayOfEnvelopesAndTheLegacyInstrumentationLibraryNamesAreRead() throws IOException {
        CollectingSink sink = read("""
                [
                  {"resourceSpans":[{"instrumentationLibrarySpans":[{"instrumentationLibrary":{"name":"old"},
                    "spans":[{"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"0000000000000001","name":"a"}]}]}]},
                  {"resourceSpans":[{"scopeSpans":[{"spans":[
                    {"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"0000000000000002","name":"b"}]}]}]}
                ]
                """);

        assertThat(sink.spans).extracting(span -> span.name).containsExactly("a", "b");
        assertThat(JSON.readTree(sink.spans.get(0).attributesJson).get("otel.scope.name").asText()).isEqualTo("old");
    }

    @Test
    void jsonLinesLongerThanTheSniffWindowAreStillReadLineByLine() throws IOException {
        String longValue = "x".repeat(100_000);
        String first = OtlpEnvelopes.tracesData(OtlpEnvelopes.span("0000000000000001", null, "long",
                JSON.createObjectNode().put("input.value", longValue)));
        String third = OtlpEnvelopes.tracesData(OtlpEnvelopes.span("0000000000000003", null, "after", JSON.createObjectNode()));

        CollectingSink sink = OtlpReading.readText(reader, temp, "long.jsonl", first + "\n{\"resourceSpans\":[\n" + third + "\n");

        assertThat(sink.spans).extracting(span -> span.name).containsExactly("long", "after");
        assertThat(sink.spans.get(0).inputText).hasSize(100_000);
        assertThat(sink.rejections).singleElement().extracting(rejection -> rejection.locator()).isEqualTo("line 2");
    }

    @Test
    void detectionIsFromContentWhateverTheFileName() throws IOException {
        Path traces = OtlpReading.write(temp, "export.txt", "{\"resourceSpans\":[]}\n");
        Path logs = OtlpReading.write(temp, "traces.json", "{\n  \"resourceLogs\": []\n}\n");
        Path other = OtlpReading.write(temp, "otlp.json", "{\"results\":{\"version\":3}}\n");
        FormatReaders readers = FormatReaders.standard();

        assertThat(readers.detect(ImportSource.of(traces))).get().extracting(r -> r.format()).isEqualTo(ImportFormat.OTLP_TRACES);
        assertThat(readers.detect(ImportSource.of(logs))).get().extracting(r -> r.format()).isEqualTo(ImportFormat.OTLP_LOGS);
        Sniff otherSniff = Sniff.of(ImportSource.of(other));
        assertThat(new OtlpTracesReader().confidence(otherSniff)).isZero();
        assertThat(new OtlpLogsReader().confidence(otherSniff)).isZero();
    }

    private CollectingSink read(String content) throws IOException {
        CollectingSink sink = OtlpReading.readText(reader, temp, "edge.json", content);
        assertThat(sink.rejections).isEmpty();
        return sink;
    }
}
