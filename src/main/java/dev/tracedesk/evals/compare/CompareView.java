package dev.tracedesk.evals.compare;

import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
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
        // a window of its own: the app's sheet (the word diff's styles) and the window's
        root.getStylesheets().addAll(CompareView.class.getResource("/css/tracedesk.css").toExternalForm(),
                CompareView.class.getResource("/css/compare.css").toExternalForm());
    }

    /** Opens the window over {@code owner} and starts comparing one run with the baseline. */
    public static Stage open(Window owner, CompareViewModel viewModel, long baselineRunId, long otherRunId) {
        return open(owner, viewModel, baselineRunId, java.util.List.of(otherRunId));
    }

    /** As above, with several runs against one baseline: the matrix gets a column per run. */
    public static Stage open(Window owner, CompareViewModel viewModel, long baselineRunId, java.util.List<Long> otherRunIds) {
        CompareView view = new CompareView(viewModel);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Compare runs");
        stage.setScene(new Scene(view.root, 1280, 800));
        stage.show();
        viewModel.compare(baselineRunId, otherRunIds);
        return stage;
    }

    public BorderPane root() {
        return root;
    }

    private VBox header() {
        Label title = new Label();
        title.getStyleClass().add("title-3");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            var results = viewModel.results();
            if (results.isEmpty()) {
                return "Comparing…";
            }
            String others = results.stream().map(result -> result.other().label())
                    .collect(java.util.stream.Collectors.joining(", "));
            return others + "  vs  baseline " + results.get(0).baseline().label();
        }, viewModel.results()));
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
        TableView<MatrixRow> matrix = new TableView<>(viewModel.rows());
        matrix.setId("compareMatrix");
        matrix.setPlaceholder(new Label("No case changed its outcome. Clear \"Only differences\" to see them all."));
        viewModel.results().addListener((javafx.collections.ListChangeListener<ComparisonResult>) change ->
                matrix.getColumns().setAll(MatrixColumns.of(viewModel.results())));
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
        viewModel.selectedProperty().addListener((observable, before, after) -> pane.show(after == null ? null : after.focus(), null));
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
}
