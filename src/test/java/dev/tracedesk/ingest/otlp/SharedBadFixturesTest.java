package dev.tracedesk.ingest.otlp;

import static dev.tracedesk.ingest.otlp.OtlpReading.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.model.Rejection;

/** The shared bad files (fixtures/bad) that hold OTLP, read by the traces reader as if forced with --format. */
class SharedBadFixturesTest {

    private final OtlpTracesReader reader = new OtlpTracesReader();

    @Test
    void aLineCutByAKilledWriterIsRejectedAndTheLinesBeforeImport() throws IOException {
        CollectingSink sink = OtlpReading.read(reader, fixture("bad/truncated-last-line.jsonl"));

        assertThat(sink.spans).hasSize(3);
        assertThat(sink.rejections).singleElement().extracting(Rejection::locator).isEqualTo("line 4");
    }

    @Test
    void aLineWithInvalidUtf8IsRejectedAndTheOthersImport() throws IOException {
        CollectingSink sink = OtlpReading.read(reader, fixture("bad/invalid-utf8.jsonl"));

        assertThat(sink.spans).hasSize(2);
        assertThat(sink.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.locator()).isEqualTo("line 2");
            assertThat(rejection.reason()).contains("invalid UTF-8");
        });
    }

    @Test
    void nullsWhereObjectsBelongAreRejectedAndTheGoodSpansImport() throws IOException {
        CollectingSink sink = OtlpReading.read(reader, fixture("bad/null-values.jsonl"));

        assertThat(sink.spans).extracting(span -> span.spanId)
                .containsExactly("7bbcf193dd3c68d7", "aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb");
        assertThat(sink.rejections).extracting(Rejection::locator)
                .containsExactly("line 2", "line 4, $.resourceSpans[0]", "line 5, $.resourceSpans[0].scopeSpans[0].spans[0]");
    }

    @Test
    void oneMalformedLineIsRejectedAndTheOtherFourImport() throws IOException {
        CollectingSink sink = OtlpReading.read(reader, fixture("bad/one-malformed-line.jsonl"));

        assertThat(sink.spans).hasSize(4);
        assertThat(sink.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.locator()).isEqualTo("line 3");
            assertThat(rejection.rawText()).contains(",,");
        });
    }

    @Test
    void aDocumentCutInHalfKeepsTheSpanReadWholeAndRejectsTheRest() throws IOException {
        CollectingSink sink = OtlpReading.read(reader, fixture("bad/truncated.json"));

        assertThat(sink.spans).extracting(span -> span.name).containsExactly("OpenAI Embeddings");
        assertThat(sink.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.locator()).isEqualTo("$.resourceSpans[0].scopeSpans[0].spans[1]");
            assertThat(rejection.rawText()).contains("\"spanId\": \"859c85dd531986a7\"");
        });
    }

    @Test
    void emptyBinaryAndNullFilesAreUnreadableAndNameThemselves() {
        for (String file : new String[] {"bad/empty.json", "bad/empty.jsonl", "bad/binary.png", "bad/binary-named.jsonl",
                "bad/null.json"}) {
            String name = file.substring(file.indexOf('/') + 1);
            assertThatThrownBy(() -> OtlpReading.read(reader, fixture(file))).as(file)
                    .isInstanceOf(IOException.class).hasMessageContaining(name);
        }
    }
}
