package dev.tracedesk.core.task;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The tasks a runner has in flight, for the status bar: whether anything runs, and the title,
 * progress and message of the newest task, which is also the one {@link #cancelCurrent()} stops.
 * Changed only on the UI thread.
 */
public final class TaskActivity {

    private final ObservableList<TaskHandle> running = FXCollections.observableArrayList();
    private final ObservableList<TaskHandle> runningView = FXCollections.unmodifiableObservableList(running);
    private final ReadOnlyObjectWrapper<TaskHandle> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", TaskHandle.INDETERMINATE);
    private final BooleanBinding busy = Bindings.isNotEmpty(running);
    private final ChangeListener<Object> followCurrent = (observable, before, after) -> copyFromCurrent();

    public ObservableList<TaskHandle> running() {
        return runningView;
    }

    public BooleanBinding busyBinding() {
        return busy;
    }

    public boolean isBusy() {
        return busy.get();
    }

    public ReadOnlyObjectProperty<TaskHandle> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Cancels the newest running task, the one the indicator shows. */
    public void cancelCurrent() {
        TaskHandle task = current.get();
        if (task != null) {
            task.cancel();
        }
    }

    void started(TaskHandle task) {
        running.add(task);
        follow(task);
    }

    void finished(TaskHandle task) {
        running.remove(task);
        if (current.get() == task) {
            follow(running.isEmpty() ? null : running.get(running.size() - 1));
        }
    }

    private void follow(TaskHandle task) {
        TaskHandle previous = current.get();
        if (previous != null) {
            previous.progressProperty().removeListener(followCurrent);
            previous.messageProperty().removeListener(followCurrent);
        }
        current.set(task);
        if (task != null) {
            task.progressProperty().addListener(followCurrent);
            task.messageProperty().addListener(followCurrent);
        }
        copyFromCurrent();
    }

    private void copyFromCurrent() {
        TaskHandle task = current.get();
        title.set(task == null ? "" : task.title());
        message.set(task == null ? "" : task.messageProperty().get());
        progress.set(task == null ? TaskHandle.INDETERMINATE : task.progressProperty().get());
    }
}
