package dev.tracedesk.search;

import java.util.List;
import java.util.Set;

/**
 * The fields of a span in the index. Text fields are analysed words; keyword fields hold whole
 * lower-case values and match by prefix ({@code model:gpt-4o} finds gpt-4o-2024-08-06).
 */
final class SearchFields {

    static final String ROW_ID = "row";
    static final String TRACE_ID = "trace";
    static final String SPAN_ID = "span";

    static final String NAME = "name";
    static final String INPUT = "input";
    static final String OUTPUT = "output";
    static final String CONTEXT = "context";
    /** Searched when a query names no field. */
    static final List<String> TEXT = List.of(INPUT, OUTPUT, CONTEXT, NAME);

    static final String MODEL = "model";
    static final String PROVIDER = "provider";
    static final String KIND = "kind";
    static final String STATUS = "status";
    static final String TEMPLATE = "template";
    static final String VERSION = "version";
    static final Set<String> KEYWORDS = Set.of(MODEL, PROVIDER, KIND, STATUS, TEMPLATE, VERSION, TRACE_ID, SPAN_ID);

    private SearchFields() {
    }
}
