package dev.tracedesk.review;

import java.util.List;
import java.util.Locale;

import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** A word diff as styled text ("diff-same", "diff-removed", "diff-added" in tracedesk.css), wherever one is shown. */
public final class WordDiff {

    private WordDiff() {
    }

    /** Replaces what {@code flow} shows with the runs. */
    public static void fill(TextFlow flow, List<TextDiff.Run> runs) {
        flow.getChildren().clear();
        for (TextDiff.Run run : runs) {
            Text text = new Text(run.text());
            text.getStyleClass().add("diff-" + run.change().name().toLowerCase(Locale.ROOT));
            flow.getChildren().add(text);
        }
    }
}
