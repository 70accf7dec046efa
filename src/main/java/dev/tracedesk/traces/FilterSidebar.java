package dev.tracedesk.traces;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The filter sidebar: each facet's values with their counts (click to filter, click again to
 * drop), then labeled / unlabeled (a choice of three, applied at once), then the fields without
 * facets — errors only, requested model, trace name, time, latency and cost ranges, import. A field applies on
 * Enter.
 */
final class FilterSidebar extends VBox {

    private final TracesViewModel viewModel;
    private final VBox facetsBox = new VBox(12);
    private final ZoneId zone = ZoneId.systemDefault();
    /** True while the fields are being set from the filter, so that is not taken for the user applying them. */
    private boolean showing;

    FilterSidebar(TracesViewModel viewModel) {
        this.viewModel = viewModel;
        setId("filterSidebar");
        getStyleClass().add("filter-sidebar");
        setSpacing(12);
        getChildren().addAll(facetsBox, fields());
        viewModel.facetsProperty().addListener((observable, before, after) -> showFacets(after));
        viewModel.filterProperty().addListener((observable, before, after) -> showFacets(viewModel.facetsProperty().get()));
        showFacets(viewModel.facetsProperty().get());
    }

    private void showFacets(Map<Facet, List<FacetCount>> counts) {
        facetsBox.getChildren().clear();
        for (Facet facet : Facet.values()) {
            List<FacetCount> values = counts.getOrDefault(facet, List.of());
            if (values.isEmpty()) {
                continue;
            }
            VBox box = new VBox(1, heading(facet.title()));
            box.setId("facet-" + facet.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            values.forEach(value -> box.getChildren().add(valueButton(value)));
            facetsBox.getChildren().add(box);
        }
    }

    private Node valueButton(FacetCount value) {
        boolean chosen = isChosen(value, viewModel.filterProperty().get());
        Label name = new Label(value.label());
        name.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(name, Priority.ALWAYS);
        Label count = new Label(String.format(Locale.ROOT, "%,d", value.count()));
        count.getStyleClass().add("facet-count");
        Button button = new Button(null, new HBox(6, name, count));
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        button.getStyleClass().addAll("facet-value", "flat");
        if (chosen) {
            button.getStyleClass().add("facet-chosen");
        }
        button.setUserData(value);
        button.setOnAction(event -> viewModel.setFilter(toggle(value, viewModel.filterProperty().get(), chosen)));
        return button;
    }

    static boolean isChosen(FacetCount value, TraceFilter filter) {
        return switch (value.facet()) {
            case PROVIDER -> value.value().equals(filter.provider());
            case SERVED_MODEL -> value.value().equals(filter.servedModel());
            case PROMPT -> (filter.promptName() != null || filter.promptVersion() != null)
                    && Objects.equals(value.value(), filter.promptName()) && Objects.equals(value.version(), filter.promptVersion());
            case KIND -> value.value().equals(filter.kind());
            case STATUS -> value.value().equals(filter.status());
        };
    }

    static TraceFilter toggle(FacetCount value, TraceFilter filter, boolean chosen) {
        String v = chosen ? null : value.value();
        return switch (value.facet()) {
            case PROVIDER -> filter.withProvider(v);
            case SERVED_MODEL -> filter.withServedModel(v);
            case PROMPT -> chosen ? filter.withPrompt(null, null) : filter.withPrompt(value.value(), value.version());
            case KIND -> filter.withKind(v);
            case STATUS -> filter.withStatus(v);
        };
    }

    private Node fields() {
        CheckBox errorsOnly = new CheckBox("Errors only");
        errorsOnly.setId("errorsOnlyCheck");
        errorsOnly.setOnAction(event -> apply(f -> f.withHasError(errorsOnly.isSelected() ? Boolean.TRUE : null)));
        viewModel.filterProperty().addListener((o, b, f) -> errorsOnly.setSelected(Boolean.TRUE.equals(f.hasError())));

        // Review: every row, only labeled ones, or only unlabeled ones (decision 0010).
        ToggleGroup review = new ToggleGroup();
        RadioButton anyLabel = radio("anyLabelRadio", "Labeled or not", review, null);
        RadioButton labeledOnly = radio("labeledRadio", "Labeled", review, Boolean.TRUE);
        RadioButton unlabeledOnly = radio("unlabeledRadio", "Unlabeled", review, Boolean.FALSE);
        anyLabel.setSelected(true);
        review.selectedToggleProperty().addListener((o, before, chosen) -> {
            if (chosen != null) {
                applyUnlessShowing(() -> apply(f -> f.withLabeled((Boolean) chosen.getUserData())));
            }
        });
        viewModel.filterProperty().addListener((o, b, f) -> {
            showing = true;
            try {
                (f.labeled() == null ? anyLabel : f.labeled() ? labeledOnly : unlabeledOnly).setSelected(true);
            } finally {
                showing = false;
            }
        });

        TextField requested = field("requestedModelField", "Requested model");
        requested.setOnAction(event -> apply(f -> f.withRequestedModel(blankToNull(requested.getText()))));
        TextField traceName = field("traceNameField", "Trace name (route)");
        traceName.setOnAction(event -> apply(f -> f.withTraceName(blankToNull(traceName.getText()))));
        DatePicker from = new DatePicker();
        from.setId("fromDatePicker");
        from.setPromptText("From date");
        DatePicker to = new DatePicker();
        to.setId("toDatePicker");
        to.setPromptText("To date (inclusive)");
        Runnable applyDates = () -> apply(f -> f.withTimeRange(epochNs(from.getValue()),
                to.getValue() == null ? null : epochNs(to.getValue().plusDays(1))));
        // A date picker reports a value set from the filter as a choice too; only the user's apply.
        from.setOnAction(event -> applyUnlessShowing(applyDates));
        to.setOnAction(event -> applyUnlessShowing(applyDates));
        TextField minLatency = field("minLatencyField", "≥ ms");
        TextField maxLatency = field("maxLatencyField", "≤ ms");
        Runnable applyLatency = () -> apply(f -> f.withLatencyRange(millisToNs(minLatency.getText()), millisToNs(maxLatency.getText())));
        minLatency.setOnAction(event -> applyLatency.run());
        maxLatency.setOnAction(event -> applyLatency.run());
        TextField minCost = field("minCostField", "≥ $");
        TextField maxCost = field("maxCostField", "≤ $");
        Runnable applyCost = () -> apply(f -> f.withCostRange(decimal(minCost.getText()), decimal(maxCost.getText())));
        minCost.setOnAction(event -> applyCost.run());
        maxCost.setOnAction(event -> applyCost.run());
        TextField importId = field("importIdField", "Import id");
        importId.setOnAction(event -> apply(f -> f.withImportId(whole(importId.getText()))));
        // A field shows its part of the filter whenever that part changed elsewhere (a saved view, "other
        // calls with this model"); a part left alone keeps what the user is typing and has not applied
        // yet, unless every filter was dropped.
        viewModel.filterProperty().addListener((o, shown, after) -> {
            TraceFilter before = after.isEmpty() ? null : shown;
            showing = true;
            try {
                show(requested, before, after, TraceFilter::requestedModel, value -> value);
                show(traceName, before, after, TraceFilter::traceName, value -> value);
                show(minLatency, before, after, TraceFilter::minLatencyNs, FilterSidebar::nsToMillis);
                show(maxLatency, before, after, TraceFilter::maxLatencyNs, FilterSidebar::nsToMillis);
                show(minCost, before, after, TraceFilter::minCostUsd, FilterSidebar::plain);
                show(maxCost, before, after, TraceFilter::maxCostUsd, FilterSidebar::plain);
                show(importId, before, after, TraceFilter::importId, String::valueOf);
                if (changed(before, after, TraceFilter::fromNs) || changed(before, after, TraceFilter::toNs)) {
                    from.setValue(dateOf(after.fromNs()));
                    // The range ends where the day after its last day starts: that last day is the one shown.
                    to.setValue(after.toNs() == null ? null : dateOf(after.toNs() - 1));
                }
            } finally {
                showing = false;
            }
        });
        // One per line: the sidebar is narrow, and three in a row would be cut to "La…".
        VBox reviewChoices = new VBox(4, anyLabel, labeledOnly, unlabeledOnly);
        reviewChoices.setId("labeledChoices");
        return new VBox(6, heading("Review"), reviewChoices, heading("More filters"), errorsOnly, requested, traceName, from, to,
                heading("Latency"), new HBox(4, minLatency, maxLatency),
                heading("Cost (USD)"), new HBox(4, minCost, maxCost), importId);
    }

    /** Shows the field's part of the filter when it changed; {@code before} null = show it anyway. */
    private static <T> void show(TextField field, TraceFilter before, TraceFilter after, Function<TraceFilter, T> part,
                                 Function<T, String> text) {
        if (changed(before, after, part)) {
            T value = part.apply(after);
            field.setText(value == null ? "" : text.apply(value));
        }
    }

    private static boolean changed(TraceFilter before, TraceFilter after, Function<TraceFilter, ?> part) {
        return before == null || !Objects.equals(part.apply(before), part.apply(after));
    }

    private void applyUnlessShowing(Runnable apply) {
        if (!showing) {
            apply.run();
        }
    }

    private void apply(UnaryOperator<TraceFilter> change) {
        viewModel.setFilter(change.apply(viewModel.filterProperty().get()));
    }

    private Long epochNs(LocalDate date) {
        return date == null ? null : date.atStartOfDay(zone).toInstant().toEpochMilli() * 1_000_000L;
    }

    private LocalDate dateOf(Long epochNs) {
        return epochNs == null ? null : Instant.EPOCH.plusNanos(epochNs).atZone(zone).toLocalDate();
    }

    private static String nsToMillis(Long ns) {
        return plain(BigDecimal.valueOf(ns).movePointLeft(6));
    }

    /** 0.5, not 5E-1 or 0.5000000000. */
    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(6);
        return field;
    }

    private static RadioButton radio(String id, String text, ToggleGroup group, Boolean labeled) {
        RadioButton radio = new RadioButton(text);
        radio.setId(id);
        radio.setToggleGroup(group);
        radio.setUserData(labeled);
        return radio;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("facet-heading");
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** Unreadable numbers count as empty: the field's prompt says what is expected. */
    private static Long millisToNs(String text) {
        BigDecimal value = decimal(text);
        return value == null ? null : value.movePointRight(6).longValue();
    }

    private static BigDecimal decimal(String text) {
        try {
            return blankToNull(text) == null ? null : new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long whole(String text) {
        try {
            return blankToNull(text) == null ? null : Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
