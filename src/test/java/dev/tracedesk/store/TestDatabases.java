package dev.tracedesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The databases a store test runs against: H2 always, and PostgreSQL when
 * {@code TRACEDESK_TEST_PG_URL} names one (CI sets it; see .ci/run). Each PostgreSQL workspace is
 * a fresh schema, dropped by {@link #dropPostgresSchema}, so runs never see each other's rows.
 */
public final class TestDatabases {

    public static final String PG_URL_VARIABLE = "TRACEDESK_TEST_PG_URL";

    private TestDatabases() {
    }

    /** Names of the engines to test: "h2", plus "postgresql" when configured. */
    public static List<String> engines() {
        List<String> engines = new ArrayList<>(List.of("h2"));
        if (postgresUrl() != null) {
            engines.add("postgresql");
        }
        return engines;
    }

    public static String postgresUrl() {
        String url = System.getenv(PG_URL_VARIABLE);
        return url == null || url.isBlank() ? null : url.trim();
    }

    /** A new, empty workspace location on the given engine. */
    public static WorkspaceLocation freshLocation(String engine, Path tempDir) {
        if (engine.equals("h2")) {
            return WorkspaceLocation.h2(tempDir.resolve("ws-" + UUID.randomUUID()));
        }
        String schema = "td_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(postgresUrl(), "CREATE SCHEMA " + schema);
        String separator = postgresUrl().contains("?") ? "&" : "?";
        return WorkspaceLocation.parse(postgresUrl() + separator + "currentSchema=" + schema);
    }

    public static void dropPostgresSchema(WorkspaceLocation location) {
        if (location.isH2()) {
            return;
        }
        String url = location.jdbcUrl();
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        execute(postgresUrl(), "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    /** Plain JDBC, outside the store, to set up states the application itself never writes. */
    public static void execute(String jdbcUrl, String... statements) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Test setup failed on " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }
}
