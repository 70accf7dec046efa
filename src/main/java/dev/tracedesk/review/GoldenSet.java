package dev.tracedesk.review;

import java.util.function.Consumer;

import javafx.beans.value.ObservableStringValue;
import javafx.stage.Window;

/**
 * What the desk's golden-set keys do: A adds the item on screen, with its label, to the dataset
 * chosen here; Shift+A chooses another; Ctrl+Shift+P publishes it. The datasets feature provides
 * it, because datasets already read review labels and the dependency may only point one way.
 */
public interface GoldenSet {

    /** The dataset items go to, or an empty string until one is chosen. */
    ObservableStringValue targetProperty();

    /** What an add came to: whether the item went in, and one sentence for the status line. */
    record Added(boolean added, String message) {
    }

    /** Adds a labeled review item to the target's draft, then reports on the UI thread. */
    void add(long reviewItemId, Consumer<Added> report);

    /** Asks which dataset items go to (or for a new one's name); {@code onChosen} runs once one is. */
    void choose(Window owner, Runnable onChosen);

    /** Asks for a tag and publishes the target's draft as its next version, then reports what happened. */
    void publish(Window owner, Consumer<String> report);

    /** For a desk without datasets (tests of the review feature alone). */
    GoldenSet NONE = new GoldenSet() {
        private final javafx.beans.property.ReadOnlyStringWrapper none = new javafx.beans.property.ReadOnlyStringWrapper("");

        @Override
        public ObservableStringValue targetProperty() {
            return none.getReadOnlyProperty();
        }

        @Override
        public void add(long reviewItemId, Consumer<Added> report) {
            report.accept(new Added(false, "Golden sets are not available here."));
        }

        @Override
        public void choose(Window owner, Runnable onChosen) {
        }

        @Override
        public void publish(Window owner, Consumer<String> report) {
            report.accept("Golden sets are not available here.");
        }
    };
}
