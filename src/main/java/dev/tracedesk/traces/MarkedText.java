package dev.tracedesk.traces;

import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import dev.tracedesk.search.SearchResult;

/** A search fragment as text with its matched words highlighted (the marks of {@link SearchResult}). */
final class MarkedText {

    private MarkedText() {
    }

    static TextFlow of(String fragment) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("search-fragment");
        boolean marked = false;
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < fragment.length(); i++) {
            String c = fragment.substring(i, i + 1);
            if (c.equals(SearchResult.MARK_START) || c.equals(SearchResult.MARK_END)) {
                add(flow, run, marked);
                marked = c.equals(SearchResult.MARK_START);
            } else {
                // Fragments are one line in the list; line breaks of the source would make rows uneven.
                run.append(c.equals("\n") || c.equals("\r") ? " " : c);
            }
        }
        add(flow, run, marked);
        return flow;
    }

    private static void add(TextFlow flow, StringBuilder run, boolean marked) {
        if (run.isEmpty()) {
            return;
        }
        Text text = new Text(run.toString());
        text.getStyleClass().add(marked ? "search-mark" : "search-text");
        flow.getChildren().add(text);
        run.setLength(0);
    }
}
