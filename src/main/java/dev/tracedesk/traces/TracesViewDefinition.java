package dev.tracedesk.traces;

import java.util.List;
import java.util.Objects;

/**
 * What a saved view of the Traces section brings back: the filter (never a search's span row ids,
 * which the search text finds again), the search text, the LLM-calls toggle, the sort and the
 * visible columns in their order with their widths. An empty column list means the table's own
 * layout, so a view saved without columns still applies.
 */
public record TracesViewDefinition(TraceFilter filter, String searchText, boolean llmCalls, TraceSort sort,
                                   List<ViewColumn> columns) {

    public static final TracesViewDefinition DEFAULT = new TracesViewDefinition(TraceFilter.NONE, "", false,
            TraceSort.NEWEST_FIRST, List.of());

    /** A visible column of the table: its id (the FXML id without "Column") and width in pixels. */
    public record ViewColumn(String id, int width) {
        public ViewColumn {
            Objects.requireNonNull(id, "id");
        }
    }

    public TracesViewDefinition {
        filter = filter == null ? TraceFilter.NONE : filter.withSpanRowIds(null);
        searchText = searchText == null ? "" : searchText.trim();
        sort = sort == null ? TraceSort.NEWEST_FIRST : sort;
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /**
     * True when both show the same rows the same way. Widths are left out: a column edge dragged a
     * few pixels does not make it another view, and layout rounds widths anyway.
     */
    public boolean showsTheSameAs(TracesViewDefinition other) {
        return other != null && filter.equals(other.filter) && searchText.equals(other.searchText)
                && llmCalls == other.llmCalls && sort.equals(other.sort)
                && columns.stream().map(ViewColumn::id).toList().equals(other.columns.stream().map(ViewColumn::id).toList());
    }
}
