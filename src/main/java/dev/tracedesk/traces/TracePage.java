package dev.tracedesk.traces;

import java.util.List;

/** One page of the table, from {@code offset}; {@code more} when rows follow it. */
public record TracePage(List<TraceRow> rows, int offset, boolean more) {

    public TracePage {
        rows = List.copyOf(rows);
    }
}
