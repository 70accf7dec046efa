package dev.tracedesk.cli;

import java.util.Map;

import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;
import picocli.CommandLine.Option;

/** The {@code --db} option every command takes (a picocli mixin). */
public final class WorkspaceOption {

    @Option(names = "--db", paramLabel = "PATH|URL",
            description = "Workspace: an H2 file path or a jdbc:postgresql:// URL."
                    + " Default: $TRACEDESK_DB, else ~/.tracedesk/workspace.")
    private String db;

    private Map<String, String> environment = System.getenv();

    /** Tests substitute the environment instead of mutating the real one. */
    void useEnvironment(Map<String, String> environment) {
        this.environment = environment;
    }

    public WorkspaceLocation location() {
        return WorkspaceLocation.resolve(db, environment);
    }

    public Workspace open() {
        return Workspace.open(location());
    }
}
