package dev.tracedesk.core.task;

/**
 * Runs work at once on the calling thread and delivers the outcome before {@code submit}
 * returns: view-model tests then need neither a toolkit nor waiting.
 */
public final class ImmediateTaskRunner extends ExecutorTaskRunner {

    public ImmediateTaskRunner() {
        super(Runnable::run, Runnable::run);
    }
}
