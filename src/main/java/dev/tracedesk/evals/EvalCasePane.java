package dev.tracedesk.evals;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The chosen case: status and score, its assertions (type, value, pass, reason), the output beside
 * the expected output, its vars, the error, what it cost, where it came from, and the way to its trace.
 */
final class EvalCasePane extends VBox {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Button openTrace = new Button("Open trace");

    EvalCasePane(Runnable onOpenTrace) {
        setSpacing(6);
        getStyleClass().add("case-detail");
        openTrace.setId("openTraceButton");
        openTrace.setGraphic(new FontIcon("fth-external-link"));
        openTrace.setTooltip(new Tooltip("The case's trace and spans in the Traces section (T)"));
        openTrace.setMinWidth(Region.USE_PREF_SIZE);
        openTrace.setOnAction(event -> onOpenTrace.run());
        show(null, null);
    }

    Button openTraceButton() {
        return openTrace;
    }

    void show(EvalCaseRow row, EvalRunDetail run) {
        if (row == null) {
            Label hint = new Label("Choose a case to see its assertions, its output beside the expected output, "
                    + "its vars and where it came from.");
            hint.setWrapText(true);
            hint.getStyleClass().add("text-muted");
            getChildren().setAll(hint);
            return;
        }
        EvalCaseDetail evalCase = row.detail();
        Label status = new Label(row.statusWord().toUpperCase(java.util.Locale.ROOT));
        status.getStyleClass().addAll("case-status", "case-status-" + row.statusWord());
        status.setMinWidth(Region.USE_PREF_SIZE);
        Label title = new Label(row.title());
        title.setId("caseTitle");
        title.getStyleClass().add("case-title");
        title.setWrapText(true);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox header = new HBox(10, status, title);
        header.setAlignment(Pos.CENTER_LEFT);
        if (row.hasTrace()) {
            header.getChildren().add(openTrace);
        }
        getChildren().setAll(header);
        String who = String.join("  ·  ", java.util.stream.Stream.of(evalCase.provider(), evalCase.promptLabel())
                .filter(text -> text != null && !text.isBlank()).toList());
        for (String line : new String[] {who, EvalFormat.caseFacts(evalCase)}) {
            if (!line.isEmpty()) {
                getChildren().add(muted(line));
            }
        }
        if (showsError(row)) {
            Label error = text(evalCase.errorMessage());
            error.getStyleClass().add("case-error-text");
            getChildren().addAll(heading("Error"), error);
        }
        getChildren().addAll(heading("Assertions"), assertions(row));
        getChildren().add(sideBySide(evalCase.output(), evalCase.expected()));
        Node vars = vars(evalCase.varsJson());
        if (vars != null) {
            getChildren().addAll(heading("Vars"), vars);
        }
        if (evalCase.prompt() != null && !evalCase.prompt().isBlank()) {
            getChildren().addAll(heading("Prompt"), text(evalCase.prompt()));
        }
        getChildren().addAll(heading("Provenance"), provenance(row, run));
    }

    /** A failed case's "error" is often its failed assertion's reason again; the table already says that. */
    private static boolean showsError(EvalCaseRow row) {
        String message = row.detail().errorMessage();
        if (message == null || message.isBlank()) {
            return false;
        }
        return row.errored() || row.assertions().stream().noneMatch(assertion -> message.strip().equals(
                assertion.reason().strip()));
    }

    private static Node assertions(EvalCaseRow row) {
        if (row.assertions().isEmpty()) {
            return muted(row.errored() ? "Not graded: the call failed." : "No assertion results were recorded.");
        }
        GridPane grid = new GridPane();
        grid.setId("assertionTable");
        grid.getStyleClass().add("assertion-table");
        grid.getColumnConstraints().addAll(fixed(), grow(35), fixed(), grow(65));
        grid.addRow(0, header("Type"), header("Value"), header("Pass"), header("Reason"));
        int line = 1;
        for (CaseAssertion assertion : row.assertions()) {
            Label pass = new Label(assertion.pass() == null ? "?" : assertion.pass() ? "✓" : "✗");
            pass.getStyleClass().addAll("assertion-cell", assertion.failed() ? "assertion-failed" : "assertion-passed");
            pass.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            pass.setAlignment(Pos.TOP_CENTER);
            Label type = cell(assertion.type());
            type.setMinWidth(Region.USE_PREF_SIZE);
            Label[] cells = {type, cell(assertion.value()), pass, cell(assertion.reason())};
            if (assertion.failed()) {
                for (Label cell : cells) {
                    cell.getStyleClass().add("assertion-row-failed");
                }
            }
            grid.addRow(line, cells);
            line++;
        }
        return grid;
    }

    private static ColumnConstraints fixed() {
        ColumnConstraints column = new ColumnConstraints();
        column.setMinWidth(Region.USE_PREF_SIZE);
        return column;
    }

    private static ColumnConstraints grow(double percent) {
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        column.setPercentWidth(-1);
        column.setPrefWidth(percent * 4);
        column.setMinWidth(60);
        return column;
    }

    private static Node sideBySide(String output, String expected) {
        VBox left = new VBox(4, heading("Output"), text(output == null ? "(none)" : output));
        VBox right = new VBox(4, heading("Expected"), text(expected == null ? "(none recorded)" : expected));
        for (VBox half : new VBox[] {left, right}) {
            half.getStyleClass().add("case-text-half");
            half.setMinWidth(0);
            half.setPrefWidth(0); // two equal halves whatever the texts' lengths
            HBox.setHgrow(half, Priority.ALWAYS);
        }
        left.setId("caseOutput");
        right.setId("caseExpected");
        return new HBox(12, left, right);
    }

    /** Vars as "name  value" lines; a value that is not text is shown as its JSON. */
    private static Node vars(String varsJson) {
        if (varsJson == null || varsJson.isBlank()) {
            return null;
        }
        JsonNode vars;
        try {
            vars = MAPPER.readTree(varsJson);
        } catch (Exception unreadable) {
            return text(varsJson);
        }
        if (vars == null || !vars.isObject() || vars.isEmpty()) {
            return vars == null || vars.isEmpty() ? null : text(varsJson);
        }
        GridPane grid = keyValueGrid();
        int line = 0;
        for (Iterator<Map.Entry<String, JsonNode>> fields = vars.fields(); fields.hasNext(); line++) {
            Map.Entry<String, JsonNode> field = fields.next();
            addRow(grid, line, field.getKey(), field.getValue().isTextual() ? field.getValue().asText()
                    : field.getValue().toString());
        }
        return grid;
    }

    private static Node provenance(EvalCaseRow row, EvalRunDetail run) {
        GridPane grid = keyValueGrid();
        int[] line = {0};
        java.util.function.BiConsumer<String, Object> add = (key, value) -> {
            if (value != null && !value.toString().isBlank()) {
                addRow(grid, line[0]++, key, value.toString());
            }
        };
        EvalCaseDetail evalCase = row.detail();
        if (run != null) {
            add.accept("Run", run.runId() + " (" + run.tool() + ")");
            add.accept("Dataset", run.dataset());
        }
        add.accept("Case key", evalCase.caseKey());
        add.accept("Test", evalCase.testIndex() == null ? null : "#" + evalCase.testIndex());
        add.accept("Dataset item", evalCase.datasetItemKey());
        add.accept("Trace", row.hasTrace() ? evalCase.traceId() : "none linked");
        add.accept("Span", row.spanId());
        return grid;
    }

    private static GridPane keyValueGrid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(3);
        grid.getColumnConstraints().addAll(fixed(), grow(100));
        return grid;
    }

    private static void addRow(GridPane grid, int line, String key, String value) {
        Label name = new Label(key);
        name.getStyleClass().add("provenance-key");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label shown = new Label(value);
        shown.setWrapText(true);
        grid.addRow(line, name, shown);
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("assertion-header");
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private static Label cell(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        // rows of a grid are as tall as their tallest cell: every cell fills it, so a row's shading is whole
        label.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        label.setAlignment(Pos.TOP_LEFT);
        label.getStyleClass().add("assertion-cell");
        return label;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("case-detail-heading");
        return label;
    }

    private static Label text(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("case-detail-text");
        return label;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("text-muted");
        return label;
    }
}
