package dev.tracedesk.app;

import dev.tracedesk.store.WorkspaceLocation;

/** Placeholder until the window lands (the GUI shell replaces this class). */
public final class TracedeskApp {

    private TracedeskApp() {
    }

    static void launchWindow(WorkspaceLocation location) {
        throw new UnsupportedOperationException("GUI not built yet: " + location);
    }
}
