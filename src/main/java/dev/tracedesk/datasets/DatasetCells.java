package dev.tracedesk.datasets;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

/** How the Datasets section's two lists show a dataset and a version. */
final class DatasetCells {

    private DatasetCells() {
    }

    /** "published 27 Nov 2026 14:02 by Dana · 12 items · sha256 1a2b3c4d5e6f…", or what a draft is. */
    static String facts(DatasetVersion version) {
        if (version == null) {
            return "";
        }
        if (version.isDraft()) {
            return "The draft: " + version.items() + " items. Edits and new items land here until it is published.";
        }
        return "Published " + (version.publishedAt() == null ? "" : DatasetsView.WHEN.format(version.publishedAt()))
                + (version.publishedBy() == null ? "" : " by " + version.publishedBy()) + " · " + version.items()
                + " items · content hash " + version.contentHash();
    }

    static final class DatasetCell extends ListCell<DatasetSummary> {
        @Override
        protected void updateItem(DatasetSummary dataset, boolean empty) {
            super.updateItem(dataset, empty);
            if (empty || dataset == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(dataset.name());
            name.getStyleClass().add("dataset-cell-name");
            Label facts = new Label((dataset.latestVersion() == null ? "nothing published"
                    : "latest v" + dataset.latestVersion()) + " · draft " + dataset.draftItems() + " items");
            facts.getStyleClass().add("dataset-cell-facts");
            setGraphic(fitted(new VBox(2, name, facts)));
        }
    }

    /** A cell's content may be narrower than its text: it ellipsizes instead of widening the list. */
    private static VBox fitted(VBox box) {
        box.setMinWidth(0);
        box.setPrefWidth(1);
        return box;
    }

    static final class VersionCell extends ListCell<DatasetVersion> {
        @Override
        protected void updateItem(DatasetVersion version, boolean empty) {
            super.updateItem(version, empty);
            if (empty || version == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(version.isDraft() ? "Draft (v" + version.number() + ")" : "v" + version.number()
                    + (version.tags().isEmpty() ? "" : "   " + String.join(" · ", version.tags())));
            name.getStyleClass().add("dataset-cell-name");
            Label facts = new Label(version.items() + " items" + (version.isDraft() || version.publishedAt() == null
                    ? " · not published" : " · " + DatasetsView.WHEN.format(version.publishedAt())));
            facts.getStyleClass().add("dataset-cell-facts");
            setGraphic(fitted(new VBox(2, name, facts)));
        }
    }
}
