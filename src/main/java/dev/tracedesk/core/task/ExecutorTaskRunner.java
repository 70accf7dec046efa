package dev.tracedesk.core.task;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one implementation of the task life cycle, parameterised by two executors: where work runs
 * and where its outcome is delivered. The FX runner and the immediate runner differ only there.
 */
abstract class ExecutorTaskRunner implements TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorTaskRunner.class);

    private final Executor workers;
    private final Executor uiThread;
    private final TaskActivity activity = new TaskActivity();

    ExecutorTaskRunner(Executor workers, Executor uiThread) {
        this.workers = workers;
        this.uiThread = uiThread;
    }

    @Override
    public final TaskActivity activity() {
        return activity;
    }

    @Override
    public final <T> TaskHandle submit(String title, BackgroundTask<T> work,
                                       Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        Objects.requireNonNull(work, "work");
        TaskHandle handle = new TaskHandle(title, uiThread);
        uiThread.execute(() -> activity.started(handle));
        try {
            workers.execute(() -> runAndDeliver(handle, work, onSuccess, onFailure));
        } catch (RejectedExecutionException e) {
            deliver(handle, () -> onFailure.accept(e));
        }
        return handle;
    }

    private <T> void runAndDeliver(TaskHandle handle, BackgroundTask<T> work,
                                   Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T result;
        try {
            handle.stopIfCancelled();
            result = work.run(handle);
        } catch (CancellationException e) {
            deliver(handle, () -> onFailure.accept(e));
            return;
        } catch (Throwable e) {
            LOG.debug("Task '{}' failed", handle.title(), e);
            deliver(handle, () -> onFailure.accept(e));
            return;
        }
        // Work that returned normally is done, even if cancel was pressed in its last moment.
        deliver(handle, () -> onSuccess.accept(result));
    }

    private void deliver(TaskHandle handle, Runnable callback) {
        uiThread.execute(() -> {
            handle.markDone();
            activity.finished(handle);
            try {
                callback.run();
            } catch (RuntimeException e) {
                LOG.error("The outcome handler of task '{}' failed", handle.title(), e);
            }
        });
    }
}
