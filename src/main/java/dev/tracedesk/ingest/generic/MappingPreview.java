package dev.tracedesk.ingest.generic;

import java.util.ArrayList;
import java.util.List;

import dev.tracedesk.ingest.model.CanonicalSpan;

/**
 * What an import with a mapping would store for the records of a {@link FileSample}: each record
 * goes through the import's own {@link GenericCallMapper}, so the preview cannot disagree with it.
 */
public final class MappingPreview {

    /** Input and output are cut to this for a table cell; the span keeps them whole. */
    static final int TEXT_CHARS = 200;

    private MappingPreview() {
    }

    public static List<PreviewRow> preview(FileSample sample, FieldMapping mapping) {
        GenericCallMapper mapper = new GenericCallMapper(mapping);
        List<PreviewRow> rows = new ArrayList<>();
        for (GenericRecord record : sample.records()) {
            if (record.rejected()) {
                rows.add(PreviewRow.rejected(record.lineNumber(), record.rejection().reason()));
                continue;
            }
            try {
                rows.add(row(record.lineNumber(), mapper.map(record.json(), record.rawText())));
            } catch (RuntimeException stopsTheImport) {
                // The readers do not catch the mapper's exceptions: the import would end at this record.
                rows.add(PreviewRow.rejected(record.lineNumber(), "the import would stop here: "
                        + (stopsTheImport.getMessage() == null ? stopsTheImport.toString() : stopsTheImport.getMessage())));
            }
        }
        return rows;
    }

    private static PreviewRow row(long lineNumber, CanonicalSpan span) {
        return new PreviewRow(lineNumber, span.name, span.requestedModel, span.servedModel, shorten(span.inputText),
                shorten(span.outputText), span.inputTokens, span.outputTokens, span.totalTokens, span.costUsd,
                span.errorMessage, null);
    }

    private static String shorten(String text) {
        return text == null ? null : FileSample.shorten(text, TEXT_CHARS);
    }
}
