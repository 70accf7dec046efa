package dev.tracedesk.core.task;

import java.util.concurrent.CancellationException;

/** What running work sees of its task: a place to report progress, and whether it was cancelled. */
public interface TaskContext {

    /**
     * Reports progress; cheap enough to call for every record, because updates reaching the UI
     * are coalesced.
     *
     * @param total zero or less when the amount of work is unknown (an indeterminate bar)
     */
    void progress(long done, long total, String message);

    /** True once the user pressed cancel; long work checks this between steps and stops early. */
    boolean isCancelled();

    /** Stops the work here when it was cancelled; the task then ends as cancelled, not failed. */
    default void stopIfCancelled() {
        if (isCancelled()) {
            throw new CancellationException();
        }
    }
}
