package dev.tracedesk.datasets.export;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 rows: every field quoted, quotes doubled; the export's line end is LF. */
final class CsvText {

    private CsvText() {
    }

    static String row(List<String> fields) {
        return fields.stream().map(CsvText::field).collect(Collectors.joining(",")) + "\n";
    }

    private static String field(String value) {
        return value == null ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
