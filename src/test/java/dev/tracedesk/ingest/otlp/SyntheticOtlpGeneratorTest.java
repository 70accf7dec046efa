package dev.tracedesk.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.model.CanonicalCheck;
import dev.tracedesk.ingest.model.CanonicalEvalCase;
import dev.tracedesk.ingest.model.CanonicalEvalRun;
import dev.tracedesk.ingest.model.CanonicalLogEvent;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.CheckTarget;
import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.model.Rejection;
import dev.tracedesk.ingest.model.MessageDirection;
import dev.tracedesk.ingest.source.ImportSource;

/** The benchmark's input is what the reader and the bare parse say it is. */
class SyntheticOtlpGeneratorTest {

    @TempDir
    Path temp;

    @Test
    void writesTheAskedNumberOfRealisticSpansThatReadBackWhole() throws IOException {
        Path file = temp.resolve("synthetic.jsonl");
        new SyntheticOtlpGenerator(7).write(file, 301);

        CollectingSink sink = OtlpReading.read(new OtlpTracesReader(), file);

        assertThat(sink.rejections).isEmpty();
        assertThat(sink.spans).hasSize(301);
        Map<SpanKind, Long> kinds = sink.spans.stream().collect(Collectors.groupingBy(span -> span.kind, Collectors.counting()));
        assertThat(kinds).containsEntry(SpanKind.CHAIN, 101L).containsEntry(SpanKind.RETRIEVER, 100L).containsEntry(SpanKind.LLM, 100L);
        CanonicalSpan llm = sink.spans.stream().filter(span -> span.kind == SpanKind.LLM).findFirst().orElseThrow();
        assertThat(llm.messages(MessageDirection.INPUT)).hasSizeBetween(2, 4);
        assertThat(llm.messages(MessageDirection.OUTPUT)).hasSize(1);
        assertThat(llm.promptTemplateText).contains("{context}");
        assertThat(llm.promptVariablesJson).contains("\"question\"");
        assertThat(llm.totalTokens).isEqualTo(llm.inputTokens + llm.outputTokens);
        CanonicalSpan retriever = sink.spans.stream().filter(span -> span.kind == SpanKind.RETRIEVER).findFirst().orElseThrow();
        assertThat(retriever.documents).hasSize(3).allSatisfy(document -> assertThat(document.content()).hasSize(500));
        double bytesPerSpan = (double) Files.size(file) / 301;
        assertThat(bytesPerSpan).as("about 2.8 KB per span").isBetween(2_500.0, 3_100.0);
        assertThat(OtlpBareParse.countTokens(file)).isGreaterThan(301 * 50L);
    }

    @Test
    void theSameSeedWritesTheSameFile() throws IOException {
        Path first = temp.resolve("a.jsonl");
        Path second = temp.resolve("b.jsonl");
        new SyntheticOtlpGenerator(3).write(first, 30);
        new SyntheticOtlpGenerator(3).write(second, 30);

        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    }

    @Test
    void readingStopsWhenTheImportIsCancelled() throws IOException {
        Path file = temp.resolve("cancel.jsonl");
        new SyntheticOtlpGenerator(5).write(file, 60);
        CollectingSink kept = new CollectingSink();
        RecordSink cancelling = new RecordSink() {
            public void span(CanonicalSpan span) {
                kept.span(span);
            }

            public void logEvent(CanonicalLogEvent event) {
                kept.logEvent(event);
            }

            public void evalRun(CanonicalEvalRun run) {
                kept.evalRun(run);
            }

            public void evalCase(CanonicalEvalCase evalCase) {
                kept.evalCase(evalCase);
            }

            public void check(CheckTarget target, CanonicalCheck check) {
                kept.check(target, check);
            }

            public void reject(Rejection rejection) {
                kept.reject(rejection);
            }

            public void stopIfCancelled() {
                if (kept.spans.size() >= 4) {
                    throw new CancellationException();
                }
            }
        };

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new OtlpTracesReader().read(ImportSource.of(file), cancelling))
                .isInstanceOf(CancellationException.class);
        assertThat(kept.spans).hasSize(4);
        assertThat(kept.rejections).isEmpty();
    }
}
