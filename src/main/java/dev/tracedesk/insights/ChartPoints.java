package dev.tracedesk.insights;

import java.util.List;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** What the dashboard's charts share: clickable points, and a pane with a hint and an empty note. */
final class ChartPoints {

    /** More series than this are unreadable: the groups with most requests get one each. */
    static final int MAX_SERIES = 8;

    private ChartPoints() {
    }

    /** The chart makes a point's node when it lays it out; the tooltip and the click go on then. */
    static <X, Y> void clickable(XYChart.Data<X, Y> data, String tip, CallDrill drill, Consumer<CallDrill> open) {
        data.nodeProperty().addListener((observable, before, node) -> {
            if (node != null) {
                javafx.scene.control.Tooltip.install(node, new javafx.scene.control.Tooltip(tip + "\nClick for these calls in Traces"));
                node.setCursor(Cursor.HAND);
                node.setOnMouseClicked(event -> open.accept(drill));
            }
        });
    }

    /**
     * The chart with its controls above and a hint below; {@code emptyNote} shows over the chart
     * while it has no data.
     */
    static VBox pane(List<Node> controls, XYChart<?, ?> chart, Label emptyNote, String hint) {
        chart.setAnimated(false);
        emptyNote.getStyleClass().add("insights-chart-hint");
        emptyNote.setWrapText(true);
        emptyNote.setVisible(false);
        emptyNote.setMouseTransparent(true);
        StackPane stack = new StackPane(chart, emptyNote);
        VBox.setVgrow(stack, Priority.ALWAYS);
        Label hintLabel = new Label(hint);
        hintLabel.getStyleClass().add("insights-chart-hint");
        VBox pane = new VBox(4);
        pane.getStyleClass().add("insights-chart-pane");
        pane.setPadding(new Insets(4, 8, 4, 8));
        if (!controls.isEmpty()) {
            javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(8);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            row.getChildren().addAll(controls);
            pane.getChildren().add(row);
        }
        pane.getChildren().addAll(stack, hintLabel);
        return pane;
    }

    /** A series name that stays readable in the legend. */
    static String seriesName(String key) {
        return key.length() > 40 ? key.substring(0, 39) + "…" : key;
    }
}
