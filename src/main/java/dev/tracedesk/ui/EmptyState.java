package dev.tracedesk.ui;

import org.kordamp.ikonli.javafx.FontIcon;

import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The calm, centred message a section shows when it has nothing to show yet: an icon, a title,
 * one sentence on what will appear here, and a hint on how to get data in. Every section and the
 * workspace error use this one component, so they look alike. Usable from FXML:
 * {@code <EmptyState iconLiteral="fth-inbox" title="…" description="…" hint="…"/>}.
 */
public class EmptyState extends VBox {

    private static final double TEXT_WIDTH = 460;

    private final FontIcon icon = new FontIcon();
    private final Label title = new Label();
    private final Label description = new Label();
    private final Label hint = new Label();
    private final HBox actions = new HBox(8);

    public EmptyState() {
        getStyleClass().add("empty-state");
        setAlignment(Pos.CENTER);
        setSpacing(10);
        setFillWidth(false);

        icon.getStyleClass().add("empty-state-icon");
        title.getStyleClass().addAll("empty-state-title", "title-3");
        description.getStyleClass().add("empty-state-description");
        hint.getStyleClass().add("empty-state-hint");
        actions.getStyleClass().add("empty-state-actions");
        actions.setAlignment(Pos.CENTER);

        for (Label label : new Label[] {title, description, hint}) {
            label.setWrapText(true);
            label.setMaxWidth(TEXT_WIDTH);
            label.setAlignment(Pos.CENTER);
            label.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            hideWhenBlank(label);
        }
        actions.managedProperty().bind(actions.visibleProperty());
        actions.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(actions.getChildren()));

        getChildren().addAll(icon, title, description, hint, actions);
        setIconLiteral("fth-inbox");
    }

    private static void hideWhenBlank(Label label) {
        label.managedProperty().bind(label.visibleProperty());
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
    }

    /** An Ikonli literal such as {@code fth-inbox}. */
    public final String getIconLiteral() {
        return icon.getIconLiteral();
    }

    public final void setIconLiteral(String literal) {
        icon.setIconLiteral(literal);
    }

    public final StringProperty titleProperty() {
        return title.textProperty();
    }

    public final String getTitle() {
        return title.getText();
    }

    public final void setTitle(String text) {
        title.setText(text);
    }

    public final StringProperty descriptionProperty() {
        return description.textProperty();
    }

    public final String getDescription() {
        return description.getText();
    }

    public final void setDescription(String text) {
        description.setText(text);
    }

    public final StringProperty hintProperty() {
        return hint.textProperty();
    }

    public final String getHint() {
        return hint.getText();
    }

    public final void setHint(String text) {
        hint.setText(text);
    }

    /** Buttons under the text, e.g. "Open workspace…"; hidden while empty. */
    public final ObservableList<Node> getActions() {
        return actions.getChildren();
    }
}
