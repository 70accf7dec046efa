package dev.tracedesk.ingest;

/** How an import ended (or that it is still running, or was interrupted and never finished). */
public enum ImportStatus {
    RUNNING,
    COMPLETED,
    COMPLETED_WITH_REJECTS,
    /** The same content was imported whole before; nothing was read again. */
    ALREADY_IMPORTED,
    /** The file could not be imported at all, or broke part-way (what was read before is kept). */
    FAILED,
    CANCELLED
}
