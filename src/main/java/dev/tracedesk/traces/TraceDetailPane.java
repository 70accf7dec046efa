package dev.tracedesk.traces;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.kordamp.ikonli.javafx.FontIcon;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import dev.tracedesk.ui.ClipboardText;

/**
 * The trace view: a header with the trace's name, id and back / forward; the span tree with its
 * waterfall; the selected span's provenance below.
 */
final class TraceDetailPane extends VBox {

    private final TraceViewModel viewModel;
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final TreeTableView<SpanDetail> tree = new TreeTableView<>();
    private final ProvenancePanel provenance;
    private WaterfallCell.TimeWindow window;
    private boolean selecting;

    TraceDetailPane(TraceViewModel viewModel, TracesViewModel list) {
        this.viewModel = viewModel;
        this.provenance = new ProvenancePanel(list::showCallsWithPrompt, list::showCallsWithModel);
        setId("traceDetail");
        getStyleClass().add("trace-detail");
        title.getStyleClass().add("title-3");
        title.setId("traceTitle");
        subtitle.getStyleClass().add("text-muted");
        subtitle.setId("traceSubtitle");

        Button back = iconButton("fth-arrow-left", "Back (Alt+Left)", viewModel::goBack);
        back.setId("traceBackButton");
        back.disableProperty().bind(viewModel.canGoBackProperty().not());
        Button forward = iconButton("fth-arrow-right", "Forward (Alt+Right)", viewModel::goForward);
        forward.setId("traceForwardButton");
        forward.disableProperty().bind(viewModel.canGoForwardProperty().not());
        Button copy = new Button("Copy trace id");
        copy.setId("copyTraceIdButton");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(event -> {
            TraceDetail trace = viewModel.traceProperty().get();
            ClipboardText.copy(trace == null ? null : trace.traceId());
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(6, back, forward, new VBox(title, subtitle), gap, copy);
        header.getStyleClass().add("trace-detail-header");

        setUpTree();
        ScrollPane scroll = new ScrollPane(provenance);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("provenance-scroll");
        SplitPane split = new SplitPane(tree, scroll);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.35);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(header, split);

        viewModel.traceProperty().addListener((observable, before, after) -> showTrace(after));
        viewModel.selectedSpanProperty().addListener((observable, before, after) -> showSpan(after));
        viewModel.messageProperty().addListener((observable, before, after) -> {
            if (!after.isEmpty()) {
                subtitle.setText(after);
            }
        });
    }

    private void setUpTree() {
        tree.setId("spanTree");
        tree.setShowRoot(false);
        TreeTableColumn<SpanDetail, String> name = new TreeTableColumn<>("Span");
        name.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().getValue().name()));
        name.setPrefWidth(200);
        name.setMinWidth(140);
        TreeTableColumn<SpanDetail, String> kind = new TreeTableColumn<>("Kind");
        kind.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().getValue().kind()));
        kind.setPrefWidth(90);
        kind.setMinWidth(85);
        TreeTableColumn<SpanDetail, String> took = new TreeTableColumn<>("Duration");
        took.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(TraceFormat.duration(cell.getValue().getValue().durationNs())));
        took.setPrefWidth(80);
        took.setMinWidth(75);
        TreeTableColumn<SpanDetail, SpanDetail> timeline = new TreeTableColumn<>("Timeline");
        timeline.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().getValue()));
        timeline.setCellFactory(column -> new WaterfallCell(() -> window));
        timeline.setPrefWidth(320);
        List.of(name, kind, took, timeline).forEach(column -> column.setSortable(false));
        tree.getColumns().setAll(List.of(name, kind, took, timeline));
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        tree.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (!selecting && after != null) {
                viewModel.selectSpan(after.getValue());
            }
        });
    }

    private void showTrace(TraceDetail trace) {
        TreeItem<SpanDetail> root = new TreeItem<>();
        if (trace == null) {
            tree.setRoot(root);
            title.setText("");
            return;
        }
        title.setText(trace.name() == null ? trace.traceId() : trace.name());
        subtitle.setText(trace.traceId() + " · " + trace.spans().size() + " spans · "
                + TraceFormat.duration(trace.durationNs()) + " · " + trace.status());
        window = timeWindow(trace);
        Map<String, TreeItem<SpanDetail>> items = new HashMap<>();
        trace.spans().forEach(span -> {
            TreeItem<SpanDetail> item = new TreeItem<>(span);
            item.setExpanded(true);
            items.put(span.spanId(), item);
        });
        // Spans come ordered by start, so children are added in time order; orphans hang off the root.
        trace.spans().forEach(span -> {
            TreeItem<SpanDetail> parent = span.parentSpanId() == null ? null : items.get(span.parentSpanId());
            (parent == null ? root : parent).getChildren().add(items.get(span.spanId()));
        });
        tree.setRoot(root);
        tree.refresh();
    }

    private static WaterfallCell.TimeWindow timeWindow(TraceDetail trace) {
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (SpanDetail span : trace.spans()) {
            if (span.startNs() != null) {
                start = Math.min(start, span.startNs());
                end = Math.max(end, span.startNs() + (span.durationNs() == null ? 0 : span.durationNs()));
            }
        }
        return start == Long.MAX_VALUE ? null : new WaterfallCell.TimeWindow(start, Math.max(1, end - start));
    }

    private void showSpan(SpanDetail span) {
        provenance.show(span, viewModel.hintOf(span));
        selecting = true;
        try {
            select(tree.getRoot(), span);
        } finally {
            selecting = false;
        }
    }

    private boolean select(TreeItem<SpanDetail> item, SpanDetail span) {
        if (item == null || span == null) {
            return false;
        }
        if (item.getValue() != null && Objects.equals(item.getValue().id(), span.id())) {
            tree.getSelectionModel().select(item);
            int row = tree.getRow(item);
            if (row >= 0) {
                tree.scrollTo(row);
            }
            return true;
        }
        return item.getChildren().stream().anyMatch(child -> select(child, span));
    }

    private static Button iconButton(String icon, String tooltip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(event -> action.run());
        return button;
    }
}
