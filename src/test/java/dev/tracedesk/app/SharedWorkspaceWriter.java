package dev.tracedesk.app;

import static dev.tracedesk.store.generated.Tables.TRACE;

import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;

/** Run in a second JVM by {@link SharedWorkspaceTest}: writes one trace into a workspace. */
public final class SharedWorkspaceWriter {

    private SharedWorkspaceWriter() {
    }

    public static void main(String[] args) {
        try (Workspace workspace = Workspace.open(WorkspaceLocation.parse(args[0]))) {
            workspace.dsl().insertInto(TRACE, TRACE.EXTERNAL_TRACE_ID, TRACE.SOURCE_SYSTEM, TRACE.STATUS)
                    .values(args[1], "test", "OK").execute();
        }
    }
}
