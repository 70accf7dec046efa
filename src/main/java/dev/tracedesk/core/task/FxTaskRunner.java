package dev.tracedesk.core.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.application.Platform;

/**
 * Runs work on a small pool of daemon threads and delivers outcomes on the JavaFX application
 * thread. Daemon threads, so a task still running never keeps the process alive after the window
 * closed.
 */
public final class FxTaskRunner extends ExecutorTaskRunner implements AutoCloseable {

    /** Store work is mostly I/O on one database; a few threads keep a slow task from blocking others. */
    private static final int WORKER_THREADS = 3;

    private final ExecutorService pool;

    public FxTaskRunner() {
        this(Executors.newFixedThreadPool(WORKER_THREADS, daemonThreads()));
    }

    private FxTaskRunner(ExecutorService pool) {
        super(pool, FxTaskRunner::onFxThread);
        this.pool = pool;
    }

    /** Stops accepting work; running tasks are asked to cancel through their handles. */
    @Override
    public void close() {
        activity().running().forEach(TaskHandle::cancel);
        pool.shutdown();
    }

    /** Runs at once when already on the FX thread, so state set by a submit is visible right away. */
    private static void onFxThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, "tracedesk-task-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
