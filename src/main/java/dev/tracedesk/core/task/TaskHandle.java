package dev.tracedesk.core.task;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One submitted task as the UI sees it. Its properties change only on the UI thread; the work
 * itself talks to it through {@link TaskContext}, from its own thread.
 */
public final class TaskHandle implements TaskContext {

    /** Progress value meaning "amount of work unknown", as JavaFX progress controls expect. */
    public static final double INDETERMINATE = -1;

    private final String title;
    private final Executor uiThread;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicReference<ProgressReport> pendingReport = new AtomicReference<>();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", INDETERMINATE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done", false);

    TaskHandle(String title, Executor uiThread) {
        this.title = title;
        this.uiThread = uiThread;
    }

    public String title() {
        return title;
    }

    /** Fraction done between 0 and 1, or {@link #INDETERMINATE}. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    /**
     * Asks the work to stop. Cancellation is cooperative: the worker thread is never interrupted,
     * because an interrupt inside H2's file I/O closes the database file for every connection.
     */
    public void cancel() {
        if (!done.get() && cancelled.compareAndSet(false, true)) {
            message.set("Cancelling…");
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public void progress(long doneCount, long total, String text) {
        double fraction = total > 0 ? Math.min(1.0, Math.max(0.0, (double) doneCount / total)) : INDETERMINATE;
        // Only the newest report matters; schedule a UI update only when none is pending, so a
        // worker reporting every record does not flood the UI thread.
        if (pendingReport.getAndSet(new ProgressReport(fraction, text == null ? "" : text)) == null) {
            uiThread.execute(this::applyPendingReport);
        }
    }

    private void applyPendingReport() {
        ProgressReport report = pendingReport.getAndSet(null);
        if (report != null && !done.get()) {
            progress.set(report.fraction());
            if (!cancelled.get()) {
                message.set(report.message());
            }
        }
    }

    /** Called on the UI thread once the work has ended, before the outcome callback runs. */
    void markDone() {
        done.set(true);
    }

    private record ProgressReport(double fraction, String message) {
    }
}
