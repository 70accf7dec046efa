package dev.tracedesk.review;

import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/** A queue in the list: its name, a progress bar, "12 of 40 done · 3 disputed", and what fills it. */
final class QueueCell extends ListCell<QueueSummary> {

    private final Label name = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Label counts = new Label();
    private final Label source = new Label();
    private final VBox box = new VBox(3, name, progress, counts, source);

    private final java.util.function.Consumer<QueueSummary> refreshFromView;

    /** @param refreshFromView what "Refresh from its view" on a saved-view queue does */
    QueueCell(java.util.function.Consumer<QueueSummary> refreshFromView) {
        this.refreshFromView = refreshFromView;
        name.getStyleClass().add("queue-name");
        counts.getStyleClass().add("queue-counts");
        source.getStyleClass().add("queue-source");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.getStyleClass().add("queue-progress");
        box.getStyleClass().add("queue-cell");
    }

    @Override
    protected void updateItem(QueueSummary queue, boolean empty) {
        super.updateItem(queue, empty);
        if (empty || queue == null) {
            setContextMenu(null);
            setGraphic(null);
            setText(null);
            return;
        }
        name.setText(queue.name());
        progress.setProgress(queue.progress());
        StringBuilder text = new StringBuilder().append(queue.done()).append(" of ").append(queue.total()).append(" done");
        if (queue.disputed() > 0) {
            text.append(" · ").append(queue.disputed()).append(" disputed");
        }
        if (!queue.labeledByReviewer().isEmpty()) {
            text.append('\n').append(String.join(", ", queue.labeledByReviewer().entrySet().stream()
                    .sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " " + e.getValue()).toList()));
        }
        counts.setText(text.toString());
        source.setText(queue.definition().describe()
                + (queue.labelsPerItem() > 1 ? String.format(Locale.ROOT, " · %d labels per item%s",
                queue.labelsPerItem(), queue.blind() ? ", blind" : "") : ""));
        setText(null);
        setGraphic(box);
        if (queue.definition().kind() == QueueDefinition.Kind.SAVED_VIEW) {
            javafx.scene.control.MenuItem refresh = new javafx.scene.control.MenuItem("Refresh from its view");
            refresh.setOnAction(event -> refreshFromView.accept(queue));
            setContextMenu(new javafx.scene.control.ContextMenu(refresh));
        } else {
            setContextMenu(null);
        }
    }
}
