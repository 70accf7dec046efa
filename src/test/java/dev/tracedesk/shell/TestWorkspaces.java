package dev.tracedesk.shell;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;

/** Workspaces in a test's temporary folder, including one written by a "newer Tracedesk". */
final class TestWorkspaces {

    private TestWorkspaces() {
    }

    /** A valid workspace whose history holds a successful migration 999, which this build does not know. */
    static WorkspaceLocation newerSchema(Path folder) throws SQLException {
        WorkspaceLocation location = WorkspaceLocation.h2(folder.resolve("newer"));
        Workspace.open(location).close();
        execute(location, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                + " checksum, installed_by, execution_time, success)"
                + " VALUES (999, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 0, 'test', 1, TRUE)");
        return location;
    }

    static long schemaHistoryRows(WorkspaceLocation location) throws SQLException {
        try (Connection connection = DriverManager.getConnection(location.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM flyway_schema_history")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(WorkspaceLocation location, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(location.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
