package dev.tracedesk.shell;

import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;

/** Opens a workspace; the app supplies one that installs its listeners (the FX-thread guard). */
@FunctionalInterface
public interface WorkspaceOpener {

    Workspace open(WorkspaceLocation location);
}
