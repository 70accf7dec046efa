package dev.tracedesk.traces;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

import dev.tracedesk.search.SearchHit;

/** A search hit in the Traces list's hits: where it is (trace › span · field), then up to two highlighted fragments. */
final class SearchHitCell extends ListCell<SearchHit> {

    private static final int FRAGMENTS_SHOWN = 2;

    @Override
    protected void updateItem(SearchHit hit, boolean empty) {
        super.updateItem(hit, empty);
        if (empty || hit == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        Label where = new Label(hit.externalTraceId() + " \u203a " + hit.externalSpanId() + " \u00b7 " + hit.field());
        where.getStyleClass().add("text-muted");
        VBox box = new VBox(2, where);
        hit.fragments().stream().limit(FRAGMENTS_SHOWN).forEach(fragment -> box.getChildren().add(MarkedText.of(fragment)));
        setGraphic(box);
    }
}
