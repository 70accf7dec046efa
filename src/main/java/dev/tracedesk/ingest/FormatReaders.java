package dev.tracedesk.ingest;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.tracedesk.ingest.inspect.InspectEvalReader;
import dev.tracedesk.ingest.inspect.InspectJsonReader;
import dev.tracedesk.ingest.langfuse.LangfuseReader;
import dev.tracedesk.ingest.openaievals.EvalItemsReader;
import dev.tracedesk.ingest.openaievals.OaiEvalLogReader;
import dev.tracedesk.ingest.otlp.OtlpLogsReader;
import dev.tracedesk.ingest.otlp.OtlpTracesReader;
import dev.tracedesk.ingest.promptfoo.PromptfooCsvReader;
import dev.tracedesk.ingest.promptfoo.PromptfooJsonReader;
import dev.tracedesk.ingest.promptfoo.PromptfooJsonlReader;
import dev.tracedesk.ingest.source.FormatReader;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.Sniff;

/** Every reader Tracedesk has, and detection: the reader most confident about the content wins. */
public final class FormatReaders {

    private final List<FormatReader> readers;

    public FormatReaders(List<FormatReader> readers) {
        this.readers = List.copyOf(readers);
    }

    /** The readers this build ships with. */
    public static FormatReaders standard() {
        return new FormatReaders(List.of(
                new OtlpTracesReader(),
                new OtlpLogsReader(),
                new LangfuseReader(),
                new PromptfooJsonReader(),
                new PromptfooJsonlReader(),
                new PromptfooCsvReader(),
                new InspectJsonReader(),
                new InspectEvalReader(),
                new OaiEvalLogReader(),
                new EvalItemsReader()));
    }

    public List<FormatReader> all() {
        return readers;
    }

    public Optional<FormatReader> forFormat(ImportFormat format) {
        return readers.stream().filter(reader -> reader.format() == format).findFirst();
    }

    /** The reader for this content, decided from the content and never from the file name alone. */
    public Optional<FormatReader> detect(ImportSource source) throws IOException {
        return detect(Sniff.of(source));
    }

    public Optional<FormatReader> detect(Sniff sniff) {
        return readers.stream()
                .filter(reader -> reader.confidence(sniff) > 0)
                .max(Comparator.comparingInt(reader -> reader.confidence(sniff)));
    }
}
