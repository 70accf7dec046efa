package dev.tracedesk.ingest.model;

/** Whether a message went into the model (prompt) or came out of it (completion). */
public enum MessageDirection {
    INPUT,
    OUTPUT
}
