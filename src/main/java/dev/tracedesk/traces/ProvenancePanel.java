package dev.tracedesk.traces;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import dev.tracedesk.ui.ClipboardText;

/**
 * The chain that produced a span's output, top to bottom: prompt template → messages → retrieved
 * documents → model → output → checks → tokens, cost, latency. Built anew for each selected span;
 * imported text goes only into text areas, never executed or loaded (no WebView).
 */
final class ProvenancePanel extends VBox {

    /** More documents than this start collapsed, so the output stays within reach. */
    private static final int EXPANDED_DOCUMENTS = 3;

    private final Consumer<SpanDetail> samePrompt;
    private final Consumer<SpanDetail> sameModel;

    ProvenancePanel(Consumer<SpanDetail> samePrompt, Consumer<SpanDetail> sameModel) {
        this.samePrompt = samePrompt;
        this.sameModel = sameModel;
        setId("provenancePanel");
        getStyleClass().add("provenance");
        getStylesheets().add(ProvenancePanel.class.getResource("/css/grounding.css").toExternalForm());
        setSpacing(10);
    }

    /** Shows a span's provenance; {@code hint} is its groundedness hint, when it has one. */
    void show(SpanDetail span, Optional<SpanHint> hint) {
        getChildren().clear();
        if (span == null) {
            return;
        }
        getChildren().add(header(span));
        if (span.promptTemplate() != null) {
            getChildren().add(promptTemplate(span.promptTemplate()));
        }
        if (!span.messages().isEmpty()) {
            getChildren().add(section("Messages", messages(span.messages())));
        } else if (span.inputText() != null) {
            getChildren().add(section("Input", LongText.of(span.inputText(), "input-text")));
        }
        if (!span.documents().isEmpty()) {
            getChildren().add(section("Retrieved documents (" + span.documents().size() + ")", documents(span.documents())));
        }
        if (span.provider() != null || span.requestModel() != null || span.responseModel() != null
                || span.parametersJson() != null) {
            getChildren().add(model(span));
        }
        if (span.outputText() != null) {
            getChildren().add(section("Output", LongText.of(span.outputText(), "output-text")));
        }
        hint.ifPresent(found -> getChildren().add(GroundingHintSection.of(found)));
        if (!span.checks().isEmpty()) {
            getChildren().add(section("Checks", checks(span.checks())));
        }
        getChildren().add(section("Usage", usage(span)));
        if (span.error() != null) {
            Label error = new Label(span.error());
            error.getStyleClass().add("provenance-error");
            error.setWrapText(true);
            getChildren().add(section("Error", error));
        }
    }

    private Node header(SpanDetail span) {
        Label title = new Label(span.name());
        title.getStyleClass().add("title-4");
        Label kind = new Label(span.kind() + " · " + span.status());
        kind.getStyleClass().addAll("kind-badge", "kind-" + span.kind().toLowerCase(Locale.ROOT));
        Button copySpan = new Button("Copy span id");
        copySpan.setId("copySpanIdButton");
        copySpan.setOnAction(event -> ClipboardText.copy(span.spanId()));
        FlowPane actions = new FlowPane(6, 6, kind, copySpan);
        if (span.promptTemplate() != null && (span.promptTemplate().name() != null || span.promptTemplate().version() != null)) {
            Button prompt = new Button("Other calls with this prompt version");
            prompt.setId("samePromptButton");
            prompt.setOnAction(event -> samePrompt.accept(span));
            actions.getChildren().add(prompt);
        }
        if (span.responseModel() != null) {
            Button model = new Button("Calls of this model version");
            model.setId("sameModelButton");
            model.setOnAction(event -> sameModel.accept(span));
            actions.getChildren().add(model);
        }
        return new VBox(4, title, actions);
    }

    private Node promptTemplate(SpanDetail.PromptTemplate template) {
        VBox box = new VBox(4);
        Label name = new Label((template.name() == null ? "(unnamed)" : template.name())
                + (template.version() == null ? "" : " · version " + template.version()));
        name.setId("promptTemplateLabel");
        box.getChildren().add(name);
        if (template.text() != null) {
            box.getChildren().add(LongText.of(template.text(), "template-text"));
        }
        if (template.variablesJson() != null) {
            box.getChildren().addAll(muted("Variables"), LongText.of(TraceFormat.prettyJson(template.variablesJson()), "json-text"));
        }
        return section("Prompt template", box);
    }

    private static Node messages(List<SpanMessage> messages) {
        VBox box = new VBox(8);
        box.setId("messagesBox");
        for (SpanMessage message : messages) {
            Label role = new Label(message.role() + (message.name() == null ? "" : " (" + message.name() + ")")
                    + ("OUTPUT".equals(message.direction()) ? " · output" : "")
                    + (message.finishReason() == null ? "" : " · " + message.finishReason()));
            role.getStyleClass().addAll("message-role", "role-" + message.role().toLowerCase(Locale.ROOT));
            VBox one = new VBox(2, role);
            if (message.content() != null && !message.content().isEmpty()) {
                one.getChildren().add(LongText.of(message.content(), "message-text"));
            }
            if (message.toolCallsJson() != null) {
                one.getChildren().addAll(muted("Tool calls"), LongText.of(TraceFormat.prettyJson(message.toolCallsJson()), "json-text"));
            }
            if (message.toolCallId() != null) {
                one.getChildren().add(muted("answers tool call " + message.toolCallId()));
            }
            box.getChildren().add(one);
        }
        return box;
    }

    private static Node documents(List<SpanDocument> documents) {
        VBox box = new VBox(4);
        box.setId("documentsBox");
        for (SpanDocument document : documents) {
            String title = "#" + document.rank() + "  " + (document.documentId() == null ? "(no id)" : document.documentId())
                    + (document.score() == null ? "" : String.format(Locale.ROOT, "  · score %.3f", document.score()))
                    + (document.source() == null ? "" : "  · " + document.source());
            VBox body = new VBox(4, LongText.of(document.content(), "document-text"));
            if (document.metadataJson() != null) {
                body.getChildren().add(LongText.of(TraceFormat.prettyJson(document.metadataJson()), "json-text"));
            }
            TitledPane pane = new TitledPane(title, body);
            pane.getStyleClass().add("document-pane");
            pane.setExpanded(documents.size() <= EXPANDED_DOCUMENTS);
            pane.setAnimated(false);
            box.getChildren().add(pane);
        }
        return box;
    }

    private static Node model(SpanDetail span) {
        GridPane grid = facts();
        int row = 0;
        row = fact(grid, row, "Provider", span.provider());
        row = fact(grid, row, "Requested model", span.requestModel());
        fact(grid, row, "Served model", span.responseModel());
        VBox box = new VBox(4, grid);
        if (span.parametersJson() != null) {
            box.getChildren().addAll(muted("Parameters"), LongText.of(TraceFormat.prettyJson(span.parametersJson()), "json-text"));
        }
        return section("Model", box);
    }

    private static Node checks(List<SpanCheck> checks) {
        VBox box = new VBox(4);
        for (SpanCheck check : checks) {
            String verdict = check.passed() == null ? "" : check.passed() ? "passed" : "failed";
            Label line = new Label(check.name() + " (" + check.source() + ")"
                    + (verdict.isEmpty() ? "" : " · " + verdict)
                    + (check.label() == null ? "" : " · " + check.label())
                    + (check.value() == null ? "" : String.format(Locale.ROOT, " · %.3f", check.value()))
                    + (check.explanation() == null ? "" : " — " + check.explanation()));
            line.setWrapText(true);
            line.getStyleClass().add(Boolean.FALSE.equals(check.passed()) ? "check-failed" : "check-line");
            box.getChildren().add(line);
        }
        return box;
    }

    private static Node usage(SpanDetail span) {
        GridPane grid = facts();
        grid.setId("usageGrid");
        int row = 0;
        if (span.usage() != null) {
            row = fact(grid, row, "Tokens", TraceFormat.tokens(span.usage().inputTokens()) + " in · "
                    + TraceFormat.tokens(span.usage().outputTokens()) + " out · "
                    + TraceFormat.tokens(span.usage().totalTokens()) + " total");
        }
        if (span.cost() != null) {
            row = fact(grid, row, "Cost", TraceFormat.cost(span.cost().usd(), span.cost().estimated())
                    + (span.cost().estimated() ? " (estimated from the price table)" : " (reported)"));
        }
        fact(grid, row, "Latency", span.durationNs() == null ? "unknown" : TraceFormat.duration(span.durationNs()));
        return grid;
    }

    private static GridPane facts() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(3);
        return grid;
    }

    private static int fact(GridPane grid, int row, String name, String value) {
        if (value == null || value.isEmpty()) {
            return row;
        }
        Label label = muted(name);
        Label text = new Label(value);
        text.setWrapText(true);
        grid.addRow(row, label, text);
        return row + 1;
    }

    private static Node section(String title, Node content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("provenance-heading");
        VBox box = new VBox(4, heading, content);
        box.getStyleClass().add("provenance-section");
        return box;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        return label;
    }
}
