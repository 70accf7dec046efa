package dev.tracedesk.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.tracedesk.core.task.BackgroundTask;
import dev.tracedesk.core.task.TaskActivity;
import dev.tracedesk.core.task.TaskHandle;
import dev.tracedesk.core.task.TaskRunner;

/** Holds submitted work until the test runs it, to observe the states in between. */
final class HeldTaskRunner implements TaskRunner {

    private final List<Runnable> held = new ArrayList<>();
    private final List<Boolean> ran = new ArrayList<>();
    private final TaskActivity activity = new TaskActivity();

    @Override
    public <T> TaskHandle submit(String title, BackgroundTask<T> work,
                                 Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        held.add(() -> {
            T result;
            try {
                result = work.run(new NoProgress());
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        });
        ran.add(false);
        // No handle: TaskHandle is the real runners' business, and the session does not keep it.
        return null;
    }

    @Override
    public TaskActivity activity() {
        return activity;
    }

    int heldCount() {
        return held.size();
    }

    /** Runs the work submitted as number {@code index} (0 is the first) and delivers its outcome. */
    void run(int index) {
        if (!ran.get(index)) {
            ran.set(index, true);
            held.get(index).run();
        }
    }

    /** Runs whatever was not run yet, including work submitted meanwhile. */
    void runPending() {
        for (int i = 0; i < held.size(); i++) {
            run(i);
        }
    }

    private static final class NoProgress implements dev.tracedesk.core.task.TaskContext {
        @Override
        public void progress(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
