package dev.tracedesk.ui;

import java.util.function.ToLongFunction;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

import dev.tracedesk.stats.WorkspaceStats;

/**
 * What a section can truthfully say about itself from the workspace counts: "No traces yet" when
 * there are none, and how many there are when the workspace holds some that this version cannot
 * show yet. Sections use it until their own views arrive.
 */
public final class SectionSummary {

    private final ToLongFunction<WorkspaceStats> count;
    private final String emptyTitle;
    private final String singular;
    private final String plural;
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");

    /**
     * @param count    the count this section is about, e.g. {@code WorkspaceStats::traces}
     * @param singular the noun for one, e.g. "trace"; {@code plural} for any other number
     */
    public SectionSummary(ObservableValue<WorkspaceStats> stats, ToLongFunction<WorkspaceStats> count,
                          String emptyTitle, String singular, String plural) {
        this.count = count;
        this.emptyTitle = emptyTitle;
        this.singular = singular;
        this.plural = plural;
        update(stats.getValue());
        stats.addListener((observable, before, after) -> update(after));
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    private void update(WorkspaceStats stats) {
        long n = stats == null ? 0 : count.applyAsLong(stats);
        empty.set(n == 0);
        title.set(n == 0 ? emptyTitle
                : n + " " + (n == 1 ? singular : plural) + " in this workspace; this view arrives in a later version");
    }
}
