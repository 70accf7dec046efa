package dev.tracedesk.traces;

import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import dev.tracedesk.search.SearchResult;

/**
 * A search fragment as text with its matched words highlighted: the marks of {@link SearchResult}
 * are read by {@link dev.tracedesk.search.MarkedText}, and each run becomes a styled {@link Text}.
 */
final class MarkedText {

    private MarkedText() {
    }

    static TextFlow of(String fragment) {
        // Fragments are one line in the list; line breaks of the source would make rows uneven.
        dev.tracedesk.search.MarkedText parsed = dev.tracedesk.search.MarkedText.parse(fragment.replace('\r', ' ').replace('\n', ' '));
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("search-fragment");
        String text = parsed.text();
        int at = 0;
        for (dev.tracedesk.search.MarkedText.Range match : parsed.highlights()) {
            add(flow, text.substring(at, match.start()), false);
            add(flow, text.substring(match.start(), match.end()), true);
            at = match.end();
        }
        add(flow, text.substring(at), false);
        return flow;
    }

    private static void add(TextFlow flow, String run, boolean marked) {
        if (run.isEmpty()) {
            return;
        }
        Text text = new Text(run);
        text.getStyleClass().add(marked ? "search-mark" : "search-text");
        flow.getChildren().add(text);
    }
}
