package dev.tracedesk.cli;

/** The exit codes every command uses (DESIGN.md, "The command line"). */
public final class ExitCodes {

    public static final int OK = 0;
    /** A usage error, or input (a file, a workspace) that could not be read. */
    public static final int USAGE_OR_UNREADABLE = 2;
    /** Finished, but some records were rejected. */
    public static final int PARTIAL = 3;
    /** {@code runs compare} found regressions. */
    public static final int REGRESSIONS = 4;
    /** {@code verify-log} found the review log's hash chain broken. */
    public static final int LOG_BROKEN = 5;

    private ExitCodes() {
    }
}
