package dev.tracedesk.review;

import java.util.List;
import java.util.Locale;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;

import dev.tracedesk.review.log.DocumentRelevance;
import dev.tracedesk.traces.LongText;

/**
 * The left half of the review screen, everything visible without a click: why the item was
 * flagged, what it is, the model version and prompt version, the input, the output (and what was
 * expected), the retrieved context with a relevance mark per document, checks and facts.
 */
final class EvidencePane extends VBox {

    private final LabelForm form;
    /** The document marks' listeners on the form, removed when the next item is shown. */
    private final List<javafx.collections.MapChangeListener<String, DocumentRelevance>> markListeners =
            new java.util.ArrayList<>();

    EvidencePane(LabelForm form) {
        this.form = form;
        getStyleClass().add("evidence-pane");
        setSpacing(12);
        setPadding(new Insets(14, 16, 16, 16));
    }

    void show(ReviewItemDetail detail) {
        getChildren().clear();
        markListeners.forEach(listener -> form.relevance().removeListener(listener));
        markListeners.clear();
        if (detail == null) {
            return;
        }
        ReviewEvidence evidence = detail.evidence();
        getChildren().add(reasons(detail.item()));
        Label title = new Label(evidence.heading() == null ? detail.item().title() : evidence.heading());
        title.getStyleClass().addAll("title-3", "evidence-title");
        title.setWrapText(true);
        getChildren().add(title);
        getChildren().add(modelLine(evidence));
        section("Input", evidence.input(), "evidence-input");
        section("Output", evidence.output(), "evidence-output");
        tallerOutput();
        section("Expected", evidence.expected(), "evidence-expected");
        section("Error", evidence.error(), "evidence-error");
        if (!evidence.context().isEmpty()) {
            getChildren().add(heading("Retrieved context · " + evidence.context().size()
                    + (evidence.context().size() == 1 ? " document" : " documents")));
            evidence.context().forEach(document -> getChildren().add(document(document)));
        } else if (detail.item().targetKind() == TargetKind.SPAN) {
            getChildren().add(muted("No retrieved context was recorded for this call."));
        }
        if (!evidence.checks().isEmpty()) {
            getChildren().add(heading("Checks"));
            evidence.checks().forEach(check -> getChildren().add(wrapped(check, check.startsWith("✗") ? "check-failed" : "check")));
        }
        if (!evidence.facts().isEmpty()) {
            getChildren().add(muted(String.join("   ·   ", evidence.facts())));
        }
    }

    private Node reasons(ReviewItemSummary item) {
        VBox box = new VBox(4);
        box.getStyleClass().add("flag-reasons");
        Label heading = new Label("Why this is here");
        heading.getStyleClass().add("flag-reasons-heading");
        heading.setGraphic(new FontIcon("fth-flag"));
        box.getChildren().add(heading);
        List<FlagReason> reasons = item.reasons();
        if (reasons.isEmpty()) {
            box.getChildren().add(wrapped("No rule recorded.", "flag-reason"));
        }
        reasons.forEach(reason -> box.getChildren().add(wrapped(reason.describe(), "flag-reason")));
        return box;
    }

    private Node modelLine(ReviewEvidence evidence) {
        FlowPane line = new FlowPane(14, 4);
        line.getStyleClass().add("evidence-model");
        line.setMinWidth(0); // a FlowPane's minimum is its widest child's preferred width: let it wrap instead
        Label model = new Label(evidence.modelText());
        model.setMinWidth(0);
        model.setWrapText(true);
        model.setGraphic(new FontIcon("fth-cpu"));
        model.getStyleClass().add("evidence-model-version");
        line.getChildren().add(model);
        if (evidence.promptVersion() != null) {
            Label prompt = new Label("prompt " + evidence.promptVersion());
            prompt.setGraphic(new FontIcon("fth-file-text"));
            line.getChildren().add(prompt);
        }
        return line;
    }

    private void section(String name, String text, String styleClass) {
        if (text == null || text.isBlank()) {
            return;
        }
        getChildren().addAll(heading(name), narrow(LongText.of(text, styleClass)));
    }

    /** The output is what is judged: it gets at least a few rows even when short lines would give it one. */
    private void tallerOutput() {
        getChildren().stream().filter(node -> node.getStyleClass().contains("evidence-output"))
                .map(javafx.scene.control.TextArea.class::cast)
                .forEach(area -> area.setPrefRowCount(Math.max(area.getPrefRowCount(), 5)));
    }

    private Node document(ReviewEvidence.ContextDocument document) {
        VBox card = new VBox(6);
        card.getStyleClass().add("context-document");
        StringBuilder header = new StringBuilder("#").append(document.rank()).append("  ").append(document.key());
        if (document.score() != null) {
            header.append(String.format(Locale.ROOT, "  · score %.3f", document.score()));
        }
        if (document.source() != null) {
            header.append("  · ").append(document.source());
        }
        Label label = new Label(header.toString());
        label.getStyleClass().add("context-document-header");
        label.setMinWidth(0);
        // the marks wrap under the header in a narrow pane instead of forcing the pane wider
        FlowPane marks = new FlowPane(6, 4, mark(document.key(), DocumentRelevance.RELEVANT, "Relevant"),
                mark(document.key(), DocumentRelevance.IRRELEVANT, "Irrelevant"),
                mark(document.key(), DocumentRelevance.MISSING_INFORMATION, "Missing information"));
        card.getChildren().addAll(label, marks, narrow(LongText.of(document.content(), "context-document-text")));
        return card;
    }

    private ToggleButton mark(String key, DocumentRelevance relevance, String text) {
        ToggleButton button = new ToggleButton(text);
        button.getStyleClass().addAll("small", "relevance-mark", "relevance-" + relevance.name().toLowerCase(Locale.ROOT));
        button.setFocusTraversable(false);
        button.setSelected(form.relevance().get(key) == relevance);
        javafx.collections.MapChangeListener<String, DocumentRelevance> listener = change -> {
            if (change.getKey().equals(key)) {
                button.setSelected(form.relevance().get(key) == relevance);
            }
        };
        form.relevance().addListener(listener);
        markListeners.add(listener);
        button.setOnAction(event -> {
            form.markDocument(key, relevance);
            button.setSelected(form.relevance().get(key) == relevance);
        });
        return button;
    }

    /**
     * A text area as wide as the pane, not as wide as its 40 default columns (the pane has no
     * horizontal scrolling), and tall enough for its text at this pane's narrower lines.
     */
    private static javafx.scene.control.TextArea narrow(javafx.scene.control.TextArea area) {
        area.setPrefColumnCount(10);
        area.setMinWidth(0);
        String text = area.getText();
        long rows = text.lines().limit(20).count() + text.length() / 55;
        area.setPrefRowCount((int) Math.max(2, Math.min(14, rows)));
        return area;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("evidence-heading");
        return label;
    }

    private static Label wrapped(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        return label;
    }

    private static Label muted(String text) {
        Label label = wrapped(text, "evidence-muted");
        label.getStyleClass().add("text-muted");
        return label;
    }
}
