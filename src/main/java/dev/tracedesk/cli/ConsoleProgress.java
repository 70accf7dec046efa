package dev.tracedesk.cli;

import java.io.PrintWriter;

import dev.tracedesk.core.task.TaskContext;

/** Progress of long CLI work on stderr, at most once a second, and only for a person at a terminal. */
final class ConsoleProgress implements TaskContext {

    private final PrintWriter err;
    private final boolean interactive = System.console() != null;
    private long lastPrintNanos;

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void progress(long done, long total, String message) {
        long now = System.nanoTime();
        if (!interactive || now - lastPrintNanos < 1_000_000_000L) {
            return;
        }
        lastPrintNanos = now;
        String percent = total > 0 ? String.format(" %3d%%", done * 100 / total) : "";
        err.print("\r" + message + percent + "   ");
        err.flush();
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
