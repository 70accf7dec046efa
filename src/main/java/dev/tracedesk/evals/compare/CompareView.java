package dev.tracedesk.evals.compare;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The compare window: counts on top, the matrix of matched cases (only differences by default) on
 * the left, and the chosen case on the right — flipped assertions, both outputs with a word diff,
 * and for a regression what changed behind it ({@link ComparePairPane}).
 */
public final class CompareView {

    private final CompareViewModel viewModel;
    private final BorderPane root = new BorderPane();

    public CompareView(CompareViewModel viewModel) {
        this.viewModel = viewModel;
        root.getStyleClass().add("compare-window");
        root.setTop(header());
        root.setCenter(body());
        root.setBottom(statusLine());
        var css = CompareView.class.getResource("/css/compare.css");
        if (css != null) {
            root.getStylesheets().add(css.toExternalForm());
        }
    }

    /** Opens the window over {@code owner} and starts the comparison. */
    public static Stage open(Window owner, CompareViewModel viewModel, long baselineRunId, long otherRunId) {
        CompareView view = new CompareView(viewModel);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Compare runs");
        stage.setScene(new Scene(view.root, 1280, 800));
        stage.show();
        viewModel.compare(baselineRunId, otherRunId);
        return stage;
    }

    public BorderPane root() {
        return root;
    }

    private VBox header() {
        Label title = new Label();
        title.getStyleClass().add("title-3");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            ComparisonResult result = viewModel.resultProperty().get();
            return result == null ? "Comparing…" : result.other().label() + "  vs  baseline " + result.baseline().label();
        }, viewModel.resultProperty()));
        Label counts = new Label();
        counts.setId("compareCounts");
        counts.getStyleClass().add("compare-counts");
        counts.textProperty().bind(viewModel.countsProperty());
        CheckBox onlyDifferences = new CheckBox("Only differences");
        onlyDifferences.selectedProperty().bindBidirectional(viewModel.onlyDifferencesProperty());
        Button toReview = new Button("Send regressions to review");
        toReview.setId("sendRegressions");
        toReview.setMinWidth(Region.USE_PREF_SIZE);
        toReview.setOnAction(event -> viewModel.sendRegressionsToReview());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox tools = new HBox(12, counts, grow, onlyDifferences, toReview);
        tools.getStyleClass().add("compare-tools");
        VBox header = new VBox(6, title, tools);
        header.getStyleClass().add("compare-header");
        return header;
    }

    private SplitPane body() {
        TableView<CasePair> matrix = new TableView<>(viewModel.rows());
        matrix.setId("compareMatrix");
        matrix.setPlaceholder(new Label("No case changed its outcome. Clear \"Only differences\" to see them all."));
        TableColumn<CasePair, String> outcome = column("Outcome", 120, pair -> CompareViewModel.word(pair.outcome()));
        outcome.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String word, boolean empty) {
                super.updateItem(word, empty);
                getStyleClass().removeIf(style -> style.startsWith("outcome-"));
                setText(empty ? null : word);
                if (!empty && word != null) {
                    getStyleClass().add("outcome-" + word.replace(' ', '-'));
                }
            }
        });
        matrix.getColumns().setAll(java.util.List.of(outcome,
                column("Case", 130, pair -> pair.description() == null ? pair.caseKey() : pair.description()),
                column("Provider", 200, CasePair::provider),
                column("Before", 72, pair -> pair.baseline() == null ? "—" : pair.baseline().status().toLowerCase()),
                column("Now", 64, pair -> pair.other() == null ? "—" : pair.other().status().toLowerCase())));
        matrix.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (after != null) {
                viewModel.selectedProperty().set(after);
            }
        });
        viewModel.selectedProperty().addListener((observable, before, after) -> {
            if (after != null && matrix.getSelectionModel().getSelectedItem() != after) {
                matrix.getSelectionModel().select(after);
            }
        });
        ComparePairPane pane = new ComparePairPane();
        viewModel.selectedProperty().addListener((observable, before, after) -> pane.show(after, null));
        viewModel.blameProperty().addListener((observable, before, after) -> {
            if (after != null) {
                pane.show(after.pair(), after);
            }
        });
        ScrollPane detail = new ScrollPane(pane);
        detail.setFitToWidth(true);
        SplitPane split = new SplitPane(matrix, detail);
        split.setDividerPositions(0.5);
        return split;
    }

    private HBox statusLine() {
        Label status = new Label();
        status.setId("compareStatus");
        status.textProperty().bind(viewModel.statusProperty());
        HBox line = new HBox(status);
        line.getStyleClass().add("compare-statusline");
        return line;
    }

    private static TableColumn<CasePair, String> column(String title, double width,
                                                        java.util.function.Function<CasePair, String> text) {
        TableColumn<CasePair, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return column;
    }
}
