package dev.tracedesk.datasets;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Publishing a draft: what the new version holds and what changed, and optional tags. Enter
 * publishes, Esc does not. The result is the tags to put on the new version.
 */
final class PublishDialog {

    private PublishDialog() {
    }

    static Optional<List<String>> show(Window owner, PublishPreview preview) {
        Dialog<List<String>> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Publish " + preview.dataset());
        dialog.setHeaderText("Publish " + preview.dataset() + "@" + preview.nextVersion()
                + "? A published version never changes; later edits go to a new draft.");
        ButtonType publish = new ButtonType("Publish", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(publish, ButtonType.CANCEL);

        Label summary = new Label(preview.describe());
        summary.setId("publishSummary");
        summary.setWrapText(true);
        TextField tags = new TextField();
        tags.setId("publishTags");
        tags.setPromptText("Tags, separated by spaces (optional): prod v2-baseline");
        Label tagHint = new Label(preview.existingTags().isEmpty() ? "A tag names one version at a time."
                : "A tag moves to the new version if another has it: " + String.join(", ", preview.existingTags()) + ".");
        tagHint.getStyleClass().add("text-muted");
        tagHint.setWrapText(true);
        VBox content = new VBox(8, summary, tags, tagHint);
        content.setPrefWidth(460);
        dialog.getDialogPane().setContent(content);
        dialog.setResultConverter(button -> button == publish ? parseTags(tags.getText()) : null);
        Platform.runLater(tags::requestFocus);
        return dialog.showAndWait();
    }

    static List<String> parseTags(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.trim().split("[\\s,]+")).filter(tag -> !tag.isEmpty()).distinct().toList();
    }
}
