package dev.tracedesk.insights;

import java.math.BigDecimal;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import dev.tracedesk.ingest.write.PriceTable.Price;

/**
 * The price table dialog (Alt+P in Insights): the {@code model_price} rows, a form to add one or
 * replace the row with the same provider and pattern (Enter saves), Delete removes the chosen row,
 * Escape closes. Every change re-estimates the estimated costs; reported ones stay as recorded.
 */
final class PricesDialog {

    private PricesDialog() {
    }

    /** Opens the dialog over {@code owner} and reads the rows; returns its window. */
    static Stage open(Window owner, PricesViewModel viewModel) {
        TableView<Price> table = new TableView<>(viewModel.prices());
        table.setId("pricesTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No prices yet \u2014 add one below: pattern gpt-4o, input 2.5, output 10, Enter."));
        table.getColumns().setAll(List.<TableColumn<Price, ?>>of(
                FigureColumn.text("Provider", "priceProviderColumn", 110, price -> price.provider().isEmpty() ? "any" : price.provider()),
                FigureColumn.text("Model pattern", "pricePatternColumn", 200, Price::modelPattern),
                FigureColumn.of("Input $/M tokens", "priceInputColumn", 150, Price::inputPerMillion, PricesDialog::plain),
                FigureColumn.of("Output $/M tokens", "priceOutputColumn", 150, Price::outputPerMillion, PricesDialog::plain)));
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, chosen) -> {
            if (chosen != null) {
                viewModel.edit(chosen);
            }
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            Price chosen = table.getSelectionModel().getSelectedItem();
            if (chosen != null && (event.getCode() == KeyCode.DELETE || event.getCode() == KeyCode.BACK_SPACE)) {
                viewModel.delete(chosen);
                event.consume();
            }
        });

        TextField provider = field("priceProviderField", "any provider", 9, viewModel.providerProperty().get());
        provider.textProperty().bindBidirectional(viewModel.providerProperty());
        TextField pattern = field("pricePatternField", "model pattern, e.g. gpt-4o", 16, null);
        pattern.textProperty().bindBidirectional(viewModel.patternProperty());
        pattern.setTooltip(new Tooltip("Matches model names that start with it, case-insensitive; the longest pattern wins"));
        TextField input = field("priceInputField", "input $/M", 7, null);
        input.textProperty().bindBidirectional(viewModel.inputPriceProperty());
        TextField output = field("priceOutputField", "output $/M", 7, null);
        output.textProperty().bindBidirectional(viewModel.outputPriceProperty());
        Button save = new Button("Save");
        save.setId("savePriceButton");
        save.setDefaultButton(true);
        save.setTooltip(new Tooltip("Adds the price, or replaces the one with this provider and pattern; re-estimates the"
                + " estimated costs (Enter)"));
        save.setOnAction(event -> viewModel.save());
        save.disableProperty().bind(viewModel.busyProperty());
        Button delete = new Button("Delete");
        delete.setId("deletePriceButton");
        delete.setTooltip(new Tooltip("Deletes the chosen row; the calls it priced lose their estimate (Delete)"));
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(viewModel.busyProperty()));
        delete.setOnAction(event -> viewModel.delete(table.getSelectionModel().getSelectedItem()));
        save.setMinWidth(Region.USE_PREF_SIZE);
        delete.setMinWidth(Region.USE_PREF_SIZE);
        HBox form = new HBox(6, provider, pattern, input, output, save, delete);
        form.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("priceError");
        error.getStyleClass().add("danger");
        error.textProperty().bind(viewModel.errorProperty());
        Label outcome = ProjectionPane.muted("");
        outcome.setId("priceOutcome");
        outcome.textProperty().bind(viewModel.outcomeProperty());
        Label note = ProjectionPane.muted("USD per million tokens. Only estimated costs follow the table; costs the source"
                + " reported stay as recorded. Esc closes.");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);

        VBox root = new VBox(8, note, table, form, error, outcome);
        root.setId("pricesDialog");
        root.setPadding(new Insets(12));
        root.setPrefSize(860, 460);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle("Prices");
        Scene scene = new Scene(root);
        var css = PricesDialog.class.getResource("/css/tracedesk.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                stage.close();
                event.consume();
            }
        });
        stage.setScene(scene);
        stage.show();
        viewModel.load();
        pattern.requestFocus();
        return stage;
    }

    private static TextField field(String id, String prompt, int columns, String text) {
        TextField field = new TextField(text);
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(columns);
        return field;
    }

    private static String plain(BigDecimal value) {
        return "$" + value.stripTrailingZeros().toPlainString();
    }
}
