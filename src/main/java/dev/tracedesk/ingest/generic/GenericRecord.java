package dev.tracedesk.ingest.generic;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.ingest.model.Rejection;
import dev.tracedesk.ingest.source.CsvRecordReader;
import dev.tracedesk.ingest.source.JsonValues;
import dev.tracedesk.ingest.source.LineReader;

/**
 * One record of a generic log before mapping: a JSON object and the text it came from, or why it
 * is rejected. The readers and the mapping dialog's preview both make records here, so the preview
 * rejects exactly what an import rejects.
 */
record GenericRecord(long lineNumber, ObjectNode json, String rawText, Rejection rejection) {

    boolean rejected() {
        return rejection != null;
    }

    /** A JSONL line; null for a blank line, which is no record. */
    static GenericRecord ofJsonLine(LineReader.Line line) {
        if (!line.ok()) {
            return rejected(line.number(), line.rawHead(), line.problem());
        }
        if (line.isBlank()) {
            return null;
        }
        JsonNode record;
        try {
            record = JsonValues.MAPPER.readTree(line.text());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return rejected(line.number(), line.text(), "not valid JSON: " + e.getOriginalMessage());
        }
        if (record == null || !record.isObject()) {
            return rejected(line.number(), line.text(), "expected a JSON object, found "
                    + (record == null ? "nothing" : record.getNodeType().name().toLowerCase()));
        }
        return new GenericRecord(line.number(), (ObjectNode) record, line.text(), null);
    }

    /** A CSV row under its header's columns; null for a blank row. Empty cells are left out, as absent. */
    static GenericRecord ofCsvRow(List<String> columns, CsvRecordReader.CsvRecord record) {
        if (!record.ok()) {
            return rejected(record.lineNumber(), record.rawText(), record.problem());
        }
        if (record.isBlank()) {
            return null;
        }
        if (record.fields().size() != columns.size()) {
            return rejected(record.lineNumber(), record.rawText(), "the row has "
                    + record.fields().size() + " fields, the header " + columns.size());
        }
        ObjectNode row = JsonValues.MAPPER.createObjectNode();
        for (int i = 0; i < columns.size(); i++) {
            if (!record.fields().get(i).isEmpty()) {
                row.put(columns.get(i), record.fields().get(i));
            }
        }
        return new GenericRecord(record.lineNumber(), row, record.rawText(), null);
    }

    private static GenericRecord rejected(long lineNumber, String rawText, String reason) {
        return new GenericRecord(lineNumber, null, rawText, new Rejection("line " + lineNumber, lineNumber, rawText, reason));
    }
}
