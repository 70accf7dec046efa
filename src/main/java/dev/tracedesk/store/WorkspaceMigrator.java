package dev.tracedesk.store;

import java.util.Arrays;
import java.util.Optional;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * Brings a workspace to this build's schema with Flyway, after making sure it is ours to change:
 * a schema from a newer Tracedesk, or a database that is not a Tracedesk workspace, is refused
 * before anything is written.
 */
final class WorkspaceMigrator {

    static final String MIGRATIONS = "classpath:db/migration";
    /** Data moves that SQL shared by H2 and PostgreSQL cannot express (e.g. V5). */
    static final String JAVA_MIGRATIONS = "classpath:dev/tracedesk/store/migration";

    private final DataSource dataSource;
    private final WorkspaceLocation location;

    WorkspaceMigrator(DataSource dataSource, WorkspaceLocation location) {
        this.dataSource = dataSource;
        this.location = location;
    }

    void migrate() {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS, JAVA_MIGRATIONS)
                .validateMigrationNaming(true)
                .load();
        try {
            refuseNewerSchema(flyway.info());
            flyway.migrate();
        } catch (FlywayException e) {
            throw new WorkspaceException(explain(e), e);
        }
    }

    /** Flyway ignores "future" migrations by default; for us they mean a newer Tracedesk wrote it. */
    private void refuseNewerSchema(MigrationInfoService info) {
        Optional<MigrationInfo> newest = Arrays.stream(info.applied())
                .filter(migration -> migration.getState().name().startsWith("FUTURE"))
                .reduce((first, second) -> second);
        if (newest.isPresent()) {
            String known = Arrays.stream(info.all())
                    .filter(migration -> !migration.getState().name().startsWith("FUTURE"))
                    .map(migration -> migration.getVersion().getVersion())
                    .reduce((first, second) -> second)
                    .orElse("none");
            throw new WorkspaceException("Workspace " + location + " was written by a newer Tracedesk (schema version "
                    + newest.get().getVersion() + "; this version knows up to " + known
                    + "). It was left unchanged: open it with a newer Tracedesk.");
        }
    }

    private String explain(FlywayException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("but no schema history table") || message.contains("without schema history table")) {
            return "Database " + location + " is not a Tracedesk workspace (it holds other tables and no"
                    + " Tracedesk schema history). It was left unchanged: choose an empty database or another path.";
        }
        return "Cannot prepare workspace " + location + ": " + Workspace.rootMessage(e);
    }
}
