package dev.tracedesk.core.task;

/**
 * Work that must not run on the UI thread: database queries, file reads, imports.
 * It reports progress and checks for cancellation through the {@link TaskContext} it is given.
 *
 * @param <T> what the work produces, delivered to the success callback on the UI thread
 */
@FunctionalInterface
public interface BackgroundTask<T> {

    T run(TaskContext context) throws Exception;
}
