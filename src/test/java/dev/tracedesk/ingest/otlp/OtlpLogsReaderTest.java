package dev.tracedesk.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.model.CanonicalLogEvent;
import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.MessageDirection;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.Sniff;

/** GenAI events in OTLP log records, built inline for the cases the real file does not have. */
class OtlpLogsReaderTest {

    private static final String IDS = "\"traceId\":\"4BF92F3577B34DA6A3CE929D0E0E4736\",\"spanId\":\"00F067AA0BA902B7\"";
    private final OtlpLogsReader reader = new OtlpLogsReader();

    @TempDir
    Path temp;

    @Test
    void messageEventsNamedEitherWayBecomeLogEventsOfTheirSpan() throws IOException {
        CollectingSink sink = read(logs(
                record("\"eventName\":\"gen_ai.user.message\",\"timeUnixNano\":\"1700000000000000000\","
                        + "\"body\":{\"kvlistValue\":{\"values\":[{\"key\":\"content\",\"value\":{\"stringValue\":\"Hi\"}}]}}"),
                record("\"observedTimeUnixNano\":\"1700000000500000000\",\"attributes\":[{\"key\":\"event.name\","
                        + "\"value\":{\"stringValue\":\"gen_ai.choice\"}}],\"body\":{\"kvlistValue\":{\"values\":["
                        + "{\"key\":\"index\",\"value\":{\"intValue\":0}},{\"key\":\"finish_reason\",\"value\":{\"stringValue\":\"length\"}},"
                        + "{\"key\":\"message\",\"value\":{\"kvlistValue\":{\"values\":[{\"key\":\"content\",\"value\":{\"stringValue\":\"Hel\"}}]}}}]}}")));

        assertThat(sink.rejections).isEmpty();
        assertThat(sink.logEvents).extracting(CanonicalLogEvent::traceId, CanonicalLogEvent::spanId, CanonicalLogEvent::timeNs)
                .containsOnly(tuple("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", 1700000000000000000L),
                        tuple("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", 1700000000500000000L));
        assertThat(sink.logEvents).extracting(CanonicalLogEvent::message)
                .extracting(CanonicalMessage::direction, CanonicalMessage::role, CanonicalMessage::content, CanonicalMessage::finishReason)
                .containsExactly(tuple(MessageDirection.INPUT, "user", "Hi", null),
                        tuple(MessageDirection.OUTPUT, "assistant", "Hel", "length"));
    }

    @Test
    void logRecordsThatAreNoGenAiEventGiveNothingAndAreNotRejected() throws IOException {
        CollectingSink sink = read(logs(
                record("\"severityText\":\"INFO\",\"body\":{\"stringValue\":\"GET /health 200\"}"),
                record("\"eventName\":\"browser.page_view\"")));

        assertThat(sink.logEvents).isEmpty();
        assertThat(sink.rejections).isEmpty();
    }

    @Test
    void aMessageEventWithoutItsSpanIdIsRejectedBecauseItCanJoinNoSpan() throws IOException {
        String orphan = "{\"eventName\":\"gen_ai.user.message\",\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\","
                + "\"body\":{\"stringValue\":\"lost?\"}}";
        String content = "{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[" + orphan + "]}]}]}\n";

        CollectingSink sink = OtlpReading.readText(reader, temp, "orphan.jsonl", content);

        assertThat(sink.logEvents).isEmpty();
        assertThat(sink.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.locator()).isEqualTo("line 1, $.resourceLogs[0].scopeLogs[0].logRecords[0]");
            assertThat(rejection.reason()).contains("has no spanId");
            assertThat(OtlpEnvelopes.JSON.readTree(rejection.rawText())).isEqualTo(OtlpEnvelopes.JSON.readTree(orphan));
        });
    }

    @Test
    void aToolMessageKeepsTheIdOfTheCallItAnswers() throws IOException {
        CollectingSink sink = read(logs(record("\"eventName\":\"gen_ai.tool.message\",\"body\":{\"kvlistValue\":{\"values\":["
                + "{\"key\":\"id\",\"value\":{\"stringValue\":\"call_9\"}},{\"key\":\"content\",\"value\":{\"stringValue\":\"42\"}}]}}")));

        assertThat(sink.logEvents).singleElement().extracting(CanonicalLogEvent::message)
                .extracting(CanonicalMessage::role, CanonicalMessage::content, CanonicalMessage::toolCallId)
                .containsExactly("tool", "42", "call_9");
    }

    @Test
    void logsAreDetectedByTheirTopLevelKeyAndNotAsTraces() throws IOException {
        Path file = OtlpReading.write(temp, "events.json", logs(record("\"eventName\":\"gen_ai.user.message\"")));
        Sniff sniff = Sniff.of(ImportSource.of(file));

        assertThat(reader.confidence(sniff)).isEqualTo(100);
        assertThat(new OtlpTracesReader().confidence(sniff)).isZero();
    }

    private CollectingSink read(String content) throws IOException {
        return OtlpReading.readText(reader, temp, "logs.jsonl", content);
    }

    private static String logs(String... records) {
        return "{\"resourceLogs\":[{\"resource\":{\"attributes\":[]},\"scopeLogs\":[{\"scope\":{\"name\":\"s\"},\"logRecords\":["
                + String.join(",", records) + "]}]}]}\n";
    }

    private static String record(String fields) {
        return "{" + IDS + "," + fields + "}";
    }
}
