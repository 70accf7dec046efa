package dev.tracedesk.evals.compare;

import java.util.List;
import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

import dev.tracedesk.review.TextDiff;
import dev.tracedesk.review.WordDiff;

/**
 * One compared case: the assertions that flipped with both reasons, the two outputs with a word
 * diff, and — for a regression — every aspect blame compares, what changed marked.
 */
final class ComparePairPane extends VBox {

    ComparePairPane() {
        setSpacing(6);
        getStyleClass().add("compare-pair");
        show(null, null);
    }

    void show(CasePair pair, Blame blame) {
        getChildren().clear();
        if (pair == null) {
            getChildren().add(muted("Choose a case to see what changed."));
            return;
        }
        Label title = new Label((pair.description() == null ? pair.caseKey() : pair.description()) + " · "
                + pair.provider() + " · " + CompareViewModel.word(pair.outcome()));
        title.getStyleClass().add("title-4");
        title.setWrapText(true);
        getChildren().add(title);
        if (!pair.flippedAssertions().isEmpty()) {
            getChildren().add(heading("Assertions that flipped"));
            for (FlippedAssertion flipped : pair.flippedAssertions()) {
                getChildren().add(wrapped(flipped.type() + (flipped.value() == null ? "" : " \"" + flipped.value() + "\"")
                        + "\n   before: " + orNone(flipped.baselineReason()) + "\n   now: " + orNone(flipped.otherReason())));
            }
        }
        getChildren().addAll(heading("Outputs"), sideBySide(pair), heading("Output, baseline → now (word diff)"),
                diff(pair.outputDiff()));
        if (pair.outcome() == CaseOutcome.REGRESSED) {
            getChildren().add(heading("What changed behind it"));
            getChildren().add(blame == null ? muted("Reading…") : blameGrid(blame));
        }
    }

    private static GridPane blameGrid(Blame blame) {
        GridPane grid = new GridPane();
        grid.setId("blameGrid");
        grid.setHgap(12);
        grid.setVgap(6);
        int row = 0;
        for (BlameItem item : blame.items()) {
            Label aspect = new Label(item.aspect().label() + (item.changed() ? "  ●" : ""));
            aspect.setMinWidth(Region.USE_PREF_SIZE);
            aspect.getStyleClass().add(item.changed() ? "blame-changed" : "blame-same");
            javafx.scene.Node shown;
            if (item.changed() && !item.diff().isEmpty()) {
                shown = diff(item.diff());
            } else if (item.documents() != null && item.changed()) {
                shown = wrapped(item.documents().describe());
            } else {
                shown = wrapped(item.changed() ? orNone(item.baseline()) + "  →  " + orNone(item.other())
                        : "same: " + orNone(item.other() != null ? item.other() : item.baseline()));
            }
            grid.addRow(row++, aspect, shown);
        }
        return grid;
    }

    /** The two outputs next to each other (an error's message stands in for a missing output). */
    private static GridPane sideBySide(CasePair pair) {
        GridPane grid = new GridPane();
        grid.setId("outputsSideBySide");
        grid.setHgap(16);
        grid.setVgap(4);
        javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        grid.addRow(0, muted("Baseline · " + status(pair.baseline())), muted("Now · " + status(pair.other())));
        grid.addRow(1, wrapped(shown(pair.baseline())), wrapped(shown(pair.other())));
        return grid;
    }

    private static String status(ComparedCase side) {
        return side == null ? "not in this run" : side.status().toLowerCase(Locale.ROOT);
    }

    private static String shown(ComparedCase side) {
        if (side == null) {
            return "—";
        }
        return orNone(side.output() != null ? side.output() : side.errorMessage());
    }

    private static TextFlow diff(List<TextDiff.Run> runs) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("compare-diff");
        WordDiff.fill(flow, runs);
        return flow;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("compare-heading");
        return label;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    private static Label muted(String text) {
        Label label = wrapped(text);
        label.getStyleClass().add("text-muted");
        return label;
    }

    private static String orNone(String text) {
        return text == null || text.isBlank() ? "(none)" : text;
    }
}
