package dev.tracedesk.store;

import java.nio.file.Path;

import org.jooq.DSLContext;

/**
 * A fresh, migrated workspace on one engine for one test. Closing it closes the workspace and,
 * on PostgreSQL, drops its schema, so tests need no clean-up of their own.
 */
public final class EngineWorkspace implements AutoCloseable {

    private final Workspace workspace;

    private EngineWorkspace(Workspace workspace) {
        this.workspace = workspace;
    }

    /** @param engine "h2" or "postgresql", as {@link TestDatabases#engines()} names them */
    public static EngineWorkspace open(String engine, Path tempDir) {
        return new EngineWorkspace(Workspace.open(TestDatabases.freshLocation(engine, tempDir)));
    }

    public DSLContext dsl() {
        return workspace.dsl();
    }

    public Workspace workspace() {
        return workspace;
    }

    @Override
    public void close() {
        workspace.close();
        TestDatabases.dropPostgresSchema(workspace.location());
    }
}
