package dev.tracedesk.ingest.write;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The import's database work, done on one thread beside the reader, in the order it was handed
 * over: while the writer stores a batch, the reader parses the next, so the two costs overlap
 * instead of adding up. At most {@link #IN_FLIGHT} batches wait or run, which bounds the memory a
 * fast reader can fill. The first failure stops the queue and is thrown to the reader at its next
 * hand-over, so an import never runs on past a write that failed.
 */
final class WriteQueue implements AutoCloseable {

    static final int IN_FLIGHT = 2;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "tracedesk-import-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore room = new Semaphore(IN_FLIGHT);
    private volatile RuntimeException failure;

    /** Hands work over, waiting while {@link #IN_FLIGHT} batches are ahead of it. */
    void submit(Runnable work) {
        throwIfFailed();
        room.acquireUninterruptibly();
        try {
            executor.execute(() -> {
                try {
                    if (failure == null) {
                        work.run();
                    }
                } catch (RuntimeException | Error e) {
                    failure = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                } finally {
                    room.release();
                }
            });
        } catch (RuntimeException rejected) {
            room.release();
            throw rejected;
        }
    }

    /** Runs work after everything handed over before it, and returns its result. */
    <T> T call(Supplier<T> work) {
        throwIfFailed();
        Future<T> result = executor.submit(work::get);
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the import's writes", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            failure = cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
            throw failure;
        }
    }

    /** Waits until everything handed over is written; throws the first failure, if any. */
    void drain() {
        call(() -> null);
        throwIfFailed();
    }

    private void throwIfFailed() {
        RuntimeException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
