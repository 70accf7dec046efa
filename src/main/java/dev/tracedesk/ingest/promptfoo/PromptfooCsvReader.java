package dev.tracedesk.ingest.promptfoo;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.core.model.CaseStatus;
import dev.tracedesk.core.model.CheckSource;
import dev.tracedesk.ingest.ImportFormat;
import dev.tracedesk.ingest.model.CanonicalCheck;
import dev.tracedesk.ingest.model.CanonicalEvalCase;
import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.model.Rejection;
import dev.tracedesk.ingest.source.CsvRecordReader;
import dev.tracedesk.ingest.source.FormatReader;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.JsonValues;
import dev.tracedesk.ingest.source.Sniff;

/**
 * {@code promptfoo eval -o results.csv}: a wide, lossy table with one row per test and one column
 * (or group of six) per prompt × provider. It imports what is there: a case per row and prompt
 * column, with the variables (as text), status, score, named scores, output, the grader's reason
 * and a reviewer's comment. Rendered prompts, tokens, cost, latency and per-assertion results are
 * not in the file. The run is named by the content's hash, as the CSV names no eval.
 */
public final class PromptfooCsvReader implements FormatReader {

    @Override
    public ImportFormat format() {
        return ImportFormat.PROMPTFOO_CSV;
    }

    @Override
    public int confidence(Sniff sniff) {
        if (sniff.isZip() || sniff.looksBinary() || sniff.firstLineIsJsonObject() || sniff.startsWith('{')) {
            return 0;
        }
        // the first line only: a prompt label with a line break cuts the header, but the first prompt
        // heading stays visible, and that is what is judged
        return PromptfooCsvLayout.of(CsvRecordReader.splitLenient(sniff.firstLine()))
                .map(layout -> layout.style == PromptfooCsvLayout.Style.SPLIT ? 80 : 70)
                .orElse(0);
    }

    @Override
    public void read(ImportSource source, RecordSink sink) throws IOException {
        String runId = ContentHash.runIdOf(source);
        try (InputStream in = source.openStream()) {
            CsvRecordReader records = new CsvRecordReader(in);
            PromptfooCsvLayout layout = layoutOf(source, records.next());
            sink.evalRun(PromptfooRuns.withoutEnvelope(runId, source.fileName(), layout.templates(), null));
            CaseKeyAssigner keys = new CaseKeyAssigner();
            int rowIndex = 0;
            CsvRecordReader.CsvRecord record;
            while ((record = records.next()) != null) {
                sink.stopIfCancelled();
                String locator = "line " + record.lineNumber();
                if (!record.ok()) {
                    sink.reject(new Rejection(locator, record.lineNumber(), record.rawText(), record.problem()));
                    continue;
                }
                if (record.isBlank()) {
                    continue;
                }
                if (record.fields().size() != layout.width) {
                    sink.reject(new Rejection(locator, record.lineNumber(), record.rawText(), "the row has "
                            + record.fields().size() + " fields, the header has " + layout.width));
                    continue;
                }
                readRow(record, rowIndex++, layout, keys, sink);
            }
        }
    }

    private static PromptfooCsvLayout layoutOf(ImportSource source, CsvRecordReader.CsvRecord header)
            throws IOException {
        if (header == null) {
            throw new IOException(source.fileName() + ": the file is empty, expected promptfoo CSV output");
        }
        if (!header.ok()) {
            throw new IOException(source.fileName() + ": the CSV header cannot be read: " + header.problem());
        }
        Optional<PromptfooCsvLayout> layout = PromptfooCsvLayout.of(header.fields());
        if (layout.isEmpty()) {
            throw new IOException(source.fileName() + ": not promptfoo CSV output: the header has no "
                    + "\"[provider] prompt\" column");
        }
        return layout.get();
    }

    private static void readRow(CsvRecordReader.CsvRecord record, int rowIndex, PromptfooCsvLayout layout,
                                CaseKeyAssigner keys, RecordSink sink) {
        List<String> row = record.fields();
        ObjectNode vars = JsonValues.MAPPER.createObjectNode();
        for (int i = 0; i < layout.varIndexes.size(); i++) {
            String value = row.get(layout.varIndexes.get(i));
            // promptfoo writes "" for a variable the test does not have: absent, not empty
            if (!value.isEmpty()) {
                vars.put(layout.varNames.get(i), value);
            }
        }
        String description = layout.descriptionIndex >= 0 ? row.get(layout.descriptionIndex) : null;
        for (PromptfooCsvLayout.PromptColumn prompt : layout.prompts) {
            PromptfooCsvCells.Cell cell;
            try {
                cell = layout.style == PromptfooCsvLayout.Style.SPLIT
                        ? PromptfooCsvCells.split(row, prompt.index(), layout.groupWidth)
                        : PromptfooCsvCells.combined(row.get(prompt.index()));
            } catch (PromptfooCsvCells.UnreadableCell e) {
                sink.reject(new Rejection("line " + record.lineNumber() + ", column " + (prompt.index() + 1),
                        record.lineNumber(), record.rawText(), e.getMessage()));
                continue;
            }
            if (cell != null) {
                sink.evalCase(toCase(cell, vars, rowIndex, description, prompt, keys));
            }
        }
    }

    private static CanonicalEvalCase toCase(PromptfooCsvCells.Cell cell, ObjectNode vars, int rowIndex,
                                            String description, PromptfooCsvLayout.PromptColumn prompt,
                                            CaseKeyAssigner keys) {
        CanonicalEvalCase evalCase = new CanonicalEvalCase();
        evalCase.provider = prompt.provider();
        evalCase.promptLabel = prompt.label();
        // rows follow promptfoo's test order, so the row's position stands for testIdx
        evalCase.testIndex = rowIndex;
        evalCase.caseKey = keys.assign(vars, rowIndex, evalCase.provider, evalCase.promptLabel);
        evalCase.description = description == null || description.isEmpty() ? null : description;
        evalCase.varsJson = vars.toString();
        evalCase.expectedOutput = ExpectedOutputRule.expectedOutput(vars, null);
        evalCase.actualOutput = cell.output().isEmpty() && cell.status() == CaseStatus.ERROR ? null : cell.output();
        evalCase.status = cell.status();
        evalCase.score = cell.score();
        evalCase.namedScoresJson = cell.namedScoresJson();
        if (cell.status() != CaseStatus.PASS) {
            // as in results.json, where a failed result's error is the grader's reason
            evalCase.errorMessage = cell.reason() != null ? cell.reason()
                    : cell.status() == CaseStatus.ERROR && !cell.output().isEmpty() ? cell.output() : null;
        }
        if (cell.comment() != null && !cell.comment().isBlank()) {
            evalCase.checks.add(new CanonicalCheck(null, CheckSource.ANNOTATION, "comment", null, null, null,
                    cell.comment(), null));
        }
        return evalCase;
    }
}
