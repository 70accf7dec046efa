package dev.tracedesk.insights;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.ingest.write.PriceTable.Price;
import dev.tracedesk.ingest.write.PriceTableEdits;
import dev.tracedesk.store.Workspace;

/**
 * The price table dialog: the workspace's {@code model_price} rows, and a form that adds, replaces
 * (same provider and pattern) or deletes one through {@link PriceTableEdits}, which re-estimates
 * the ESTIMATED costs and rebuilds the rollups. Reported costs are never touched, so the dashboard
 * keeps them apart. After a change {@code onChanged} reloads the dashboard.
 */
public final class PricesViewModel {

    private final TaskRunner tasks;
    private final Supplier<Optional<Workspace>> workspace;
    private final Runnable onChanged;
    private final ObservableList<Price> prices = FXCollections.observableArrayList();
    private final StringProperty provider = new SimpleStringProperty(this, "provider", "");
    private final StringProperty pattern = new SimpleStringProperty(this, "pattern", "");
    private final StringProperty inputPrice = new SimpleStringProperty(this, "inputPrice", "");
    private final StringProperty outputPrice = new SimpleStringProperty(this, "outputPrice", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public PricesViewModel(TaskRunner tasks, Supplier<Optional<Workspace>> workspace, Runnable onChanged) {
        this.tasks = tasks;
        this.workspace = workspace;
        this.onChanged = onChanged;
    }

    public ObservableList<Price> prices() {
        return prices;
    }

    /** Empty: any provider. */
    public StringProperty providerProperty() {
        return provider;
    }

    /** A prefix of lower-cased model names, e.g. "gpt-4o". */
    public StringProperty patternProperty() {
        return pattern;
    }

    /** USD per million input tokens. */
    public StringProperty inputPriceProperty() {
        return inputPrice;
    }

    /** USD per million output tokens. */
    public StringProperty outputPriceProperty() {
        return outputPrice;
    }

    /** What is wrong with the form, naming the field; empty when nothing is. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last change did: "Saved gpt-4o — re-estimated 12 calls". */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Reads the rows in the background. */
    public void load() {
        workspace.get().ifPresent(open -> tasks.submit("Reading prices", context -> new PriceTableEdits(open.dsl()).list(),
                prices::setAll, failure -> error.set("Could not read the price table: " + failure.getMessage())));
    }

    /** Puts a row into the form, to edit it. */
    public void edit(Price price) {
        provider.set(price.provider());
        pattern.set(price.modelPattern());
        inputPrice.set(price.inputPerMillion().stripTrailingZeros().toPlainString());
        outputPrice.set(price.outputPerMillion().stripTrailingZeros().toPlainString());
        error.set("");
    }

    /** Adds the form's row or replaces the one with its provider and pattern; refused with the field named. */
    public void save() {
        BigDecimal input = price("Input price", inputPrice.get());
        BigDecimal output = input == null ? null : price("Output price", outputPrice.get());
        if (output == null) {
            return;
        }
        if (pattern.get() == null || pattern.get().isBlank()) {
            error.set("Model pattern: enter the start of a model name, e.g. gpt-4o.");
            return;
        }
        String chosenProvider = provider.get();
        String chosenPattern = pattern.get();
        change("Saving the price of " + chosenPattern.trim(),
                edits -> edits.set(chosenProvider, chosenPattern, input, output), "Saved " + chosenPattern.trim());
    }

    /** Deletes the row; the calls it priced lose their estimate. */
    public void delete(Price price) {
        change("Deleting the price of " + price.modelPattern(),
                edits -> edits.delete(price.provider(), price.modelPattern()), "Deleted " + price.modelPattern());
    }

    private interface Edit {
        PriceTableEdits.Outcome apply(PriceTableEdits edits);
    }

    private record Done(PriceTableEdits.Outcome outcome, List<Price> prices) {
    }

    private void change(String title, Edit edit, String done) {
        Optional<Workspace> open = workspace.get();
        if (open.isEmpty()) {
            return;
        }
        error.set("");
        busy.set(true);
        tasks.submit(title, context -> {
            PriceTableEdits edits = new PriceTableEdits(open.get().dsl());
            return new Done(edit.apply(edits), edits.list());
        }, result -> {
            busy.set(false);
            prices.setAll(result.prices());
            long changed = result.outcome().reEstimated().costsChanged();
            outcome.set(done + " \u2014 re-estimated " + InsightsFormat.count(changed) + (changed == 1 ? " call" : " calls"));
            if (result.outcome().changed()) {
                onChanged.run();
            }
        }, failure -> {
            busy.set(false);
            // PriceTableEdits names the field in its message
            error.set(failure instanceof IllegalArgumentException ? capitalized(failure.getMessage())
                    : "Could not change the price table: " + failure.getMessage());
        });
    }

    /** A price in the form: a number of zero or more, else null with the field named in the error. */
    private BigDecimal price(String field, String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            error.set(field + " (USD per million tokens) is missing.");
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(trimmed.startsWith("$") ? trimmed.substring(1) : trimmed);
            if (value.signum() < 0) {
                error.set(field + " (USD per million tokens) must be zero or more, not " + trimmed + ".");
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            error.set(field + " (USD per million tokens) must be a number, not \u201c" + trimmed + "\u201d.");
            return null;
        }
    }

    private static String capitalized(String message) {
        return message == null || message.isEmpty() ? "" : Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
    }
}
