package dev.tracedesk.traces;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.store.Workspace;

/**
 * The Traces section's saved views: the names for the Views menu, and applying, saving, renaming
 * and deleting them, each a background task. Remembers the view last applied or saved so the
 * menu can say "View: name" — and "(modified)" once what the section shows differs from it.
 */
public final class SavedViewsViewModel {

    /** The {@code saved_view.section} of the Traces section's views. */
    public static final String SECTION = "traces";

    private static final Logger LOG = LoggerFactory.getLogger(SavedViewsViewModel.class);

    private final TaskRunner tasks;
    private final Supplier<Optional<Workspace>> workspace;
    private final ObservableValue<TracesViewDefinition> current;
    private final Consumer<TracesViewDefinition> apply;
    private final ObservableList<String> names = FXCollections.observableArrayList();
    // One wrapper, kept: it listens to the list weakly, so a fresh one per call could be collected with its listeners.
    private final ObservableList<String> readOnlyNames = FXCollections.unmodifiableObservableList(names);
    private final ReadOnlyStringWrapper appliedName = new ReadOnlyStringWrapper(this, "appliedName");
    private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper(this, "modified");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Views");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private TracesViewDefinition appliedDefinition;
    private int listing;

    /**
     * @param current what the section shows now
     * @param apply   shows a definition in the section
     */
    SavedViewsViewModel(TaskRunner tasks, Supplier<Optional<Workspace>> workspace,
                        ObservableValue<TracesViewDefinition> current, Consumer<TracesViewDefinition> apply) {
        this.tasks = tasks;
        this.workspace = workspace;
        this.current = current;
        this.apply = apply;
        current.addListener((observable, before, after) -> updateTitle());
    }

    /** The saved views' names, alphabetically. */
    public ObservableList<String> names() {
        return readOnlyNames;
    }

    /** The name of the view last applied or saved; null when none (or it was deleted). */
    public ReadOnlyStringProperty appliedNameProperty() {
        return appliedName.getReadOnlyProperty();
    }

    /** True once the section shows something other than the applied view. */
    public ReadOnlyBooleanProperty modifiedProperty() {
        return modified.getReadOnlyProperty();
    }

    /** "Views", "View: gpt-4o refunds", "View: gpt-4o refunds (modified)". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** What the last save, apply or delete did or why it failed; empty when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when a view of that name exists, so saving would replace it. */
    public boolean exists(String name) {
        return name != null && names.contains(name.trim());
    }

    /** Reads the names again, e.g. when another workspace was opened. */
    public void refresh() {
        Optional<Workspace> target = workspace.get();
        if (target.isEmpty()) {
            names.clear();
            forgetApplied();
            return;
        }
        // Listings can overlap (a save, a workspace change): only the latest one asked is shown.
        int asked = ++listing;
        tasks.submit("Loading saved views", context -> new SavedViews(target.get().dsl()).names(SECTION), found -> {
            if (asked == listing) {
                names.setAll(found);
            }
        }, failure -> fail("The saved views could not be listed", failure));
    }

    /** Loads the named view and shows it; a definition that cannot be read is reported, the section keeps what it shows. */
    public void apply(String name) {
        Optional<Workspace> target = workspace.get();
        if (target.isEmpty()) {
            return;
        }
        tasks.submit("Applying view", context -> new SavedViews(target.get().dsl()).definition(SECTION, name)
                .map(TracesViewJson::read), found -> {
                    if (found.isEmpty()) {
                        message.set("The view \u201c" + name + "\u201d is no longer in this workspace.");
                        refresh();
                        return;
                    }
                    apply.accept(found.get());
                    message.set("");
                    // After applying, not as loaded: the table may have settled columns the view left open.
                    remember(name, current.getValue());
                }, failure -> {
                    if (failure instanceof UnreadableViewException) {
                        message.set("The view \u201c" + name + "\u201d could not be read: " + failure.getMessage() + ".");
                    } else {
                        fail("The view \u201c" + name + "\u201d could not be loaded", failure);
                    }
                });
    }

    /** Saves what the section shows under the name, replacing a view of that name (the view asked first). */
    public void save(String name) {
        Optional<Workspace> target = workspace.get();
        Optional<String> problem = SavedViewName.problem(name);
        if (target.isEmpty() || problem.isPresent()) {
            message.set(problem.orElse("Open a workspace to save views."));
            return;
        }
        String checked = name.trim();
        TracesViewDefinition saved = current.getValue();
        String json = TracesViewJson.write(saved);
        tasks.submit("Saving view", context -> new SavedViews(target.get().dsl()).save(SECTION, checked, json),
                replaced -> {
                    message.set((replaced ? "Replaced" : "Saved") + " the view \u201c" + checked + "\u201d.");
                    remember(checked, saved);
                    refresh();
                }, failure -> fail("The view could not be saved", failure));
    }

    /** Renames a view; a name taken by another view is refused with a message, the applied view stays applied. */
    public void rename(String from, String to) {
        Optional<Workspace> target = workspace.get();
        Optional<String> problem = SavedViewName.problem(to);
        if (target.isEmpty() || problem.isPresent()) {
            message.set(problem.orElse("Open a workspace to rename views."));
            return;
        }
        String checked = to.trim();
        tasks.submit("Renaming view", context -> new SavedViews(target.get().dsl()).rename(SECTION, from, checked), renamed -> {
            if (!renamed) {
                message.set("The view \u201c" + from + "\u201d is no longer in this workspace.");
            } else {
                message.set("Renamed the view \u201c" + from + "\u201d to \u201c" + checked + "\u201d.");
                if (from.equals(appliedName.get())) {
                    appliedName.set(checked);
                    updateTitle();
                }
            }
            refresh();
        }, failure -> message.set(failure instanceof IllegalArgumentException ? failure.getMessage() + "."
                : "The view could not be renamed: " + failure.getMessage()));
    }

    public void delete(String name) {
        Optional<Workspace> target = workspace.get();
        if (target.isEmpty()) {
            return;
        }
        tasks.submit("Deleting view", context -> new SavedViews(target.get().dsl()).delete(SECTION, name), deleted -> {
            if (name.equals(appliedName.get())) {
                forgetApplied();
            }
            message.set("Deleted the view \u201c" + name + "\u201d.");
            refresh();
        }, failure -> fail("The view could not be deleted", failure));
    }

    /** The baseline "(modified)" compares with. */
    private void remember(String name, TracesViewDefinition definition) {
        appliedDefinition = definition;
        appliedName.set(name);
        updateTitle();
    }

    private void forgetApplied() {
        appliedDefinition = null;
        appliedName.set(null);
        updateTitle();
    }

    private void updateTitle() {
        String name = appliedName.get();
        modified.set(name != null && !current.getValue().showsTheSameAs(appliedDefinition));
        title.set(name == null ? "Views" : "View: " + name + (modified.get() ? " (modified)" : ""));
    }

    private void fail(String what, Throwable failure) {
        LOG.warn(what, failure);
        message.set(what + ": " + failure.getMessage());
    }
}
