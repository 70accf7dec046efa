package dev.tracedesk.traces;

import java.util.Locale;
import java.util.function.Supplier;

import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * A span's bar on the trace's timeline: placed and sized to scale against the whole trace,
 * coloured by kind (CSS {@code bar-<kind>}), outlined when the span failed.
 */
final class WaterfallCell extends TreeTableCell<SpanDetail, SpanDetail> {

    /** A bar narrower than this would vanish; zero-length spans still show where they happened. */
    private static final double MIN_BAR = 3;

    private final Supplier<TimeWindow> window;
    private final Pane track = new Pane();
    private final Region bar = new Region();

    /** The time span the column's width stands for. */
    record TimeWindow(long startNs, long lengthNs) {
    }

    WaterfallCell(Supplier<TimeWindow> window) {
        this.window = window;
        track.getChildren().add(bar);
        track.getStyleClass().add("waterfall-track");
        track.setMinWidth(0);
        bar.setManaged(false);
    }

    @Override
    protected void updateItem(SpanDetail span, boolean empty) {
        super.updateItem(span, empty);
        TimeWindow scale = window.get();
        if (empty || span == null || span.startNs() == null || scale == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        bar.getStyleClass().setAll("waterfall-bar", "bar-" + span.kind().toLowerCase(Locale.ROOT));
        if ("ERROR".equals(span.status()) || span.error() != null) {
            bar.getStyleClass().add("bar-error");
        }
        double from = (span.startNs() - scale.startNs()) / (double) scale.lengthNs();
        double length = span.durationNs() == null ? 0 : span.durationNs() / (double) scale.lengthNs();
        bar.layoutXProperty().bind(track.widthProperty().multiply(Math.max(0, from)));
        bar.prefWidthProperty().bind(track.widthProperty().multiply(Math.min(1, length)));
        bar.resize(Math.max(MIN_BAR, bar.getPrefWidth()), 12);
        bar.prefWidthProperty().addListener((observable, before, after) ->
                bar.resize(Math.max(MIN_BAR, after.doubleValue()), 12));
        bar.setLayoutY(5);
        track.setPrefHeight(22);
        setGraphic(track);
        setTooltip(new Tooltip("starts +" + TraceFormat.duration(span.startNs() - scale.startNs())
                + ", takes " + (span.durationNs() == null ? "?" : TraceFormat.duration(span.durationNs()))));
    }
}
