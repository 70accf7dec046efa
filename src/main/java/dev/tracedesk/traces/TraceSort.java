package dev.tracedesk.traces;

/** How the list is ordered: a column and a direction. Ties break on the row id, newest first. */
public record TraceSort(Column column, boolean ascending) {

    public static final TraceSort NEWEST_FIRST = new TraceSort(Column.TIME, false);

    public enum Column { TIME, NAME, LATENCY, TOKENS, COST, STATUS, SPANS }
}
