package dev.tracedesk.core.task;

import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Runs {@link BackgroundTask}s off the UI thread and delivers their outcome back on it.
 * The GUI uses {@link FxTaskRunner}; view-model tests use {@link ImmediateTaskRunner}.
 */
public interface TaskRunner {

    /**
     * Starts the work. Exactly one callback runs afterwards, on the UI thread: {@code onSuccess}
     * with the result, or {@code onFailure} with what the work threw — a
     * {@link CancellationException} when the user cancelled it.
     *
     * @param title what the task indicator shows while the work runs, e.g. "Opening workspace"
     */
    <T> TaskHandle submit(String title, BackgroundTask<T> work,
                          Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** The tasks now running, observable for the status bar's indicator. */
    TaskActivity activity();
}
