package dev.tracedesk.store;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

/**
 * An open workspace: a pooled connection to H2 or PostgreSQL, migrated to this build's schema,
 * and the jOOQ {@link DSLContext} every query goes through.
 */
public final class Workspace implements AutoCloseable {

    private final WorkspaceLocation location;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    /** Closes the database when the process is stopped (SIGTERM, logout) without close(). */
    private final Thread closeOnExit;

    private Workspace(WorkspaceLocation location, HikariDataSource dataSource, DSLContext dsl) {
        this.location = location;
        this.dataSource = dataSource;
        this.dsl = dsl;
        // Without this an H2 file stays locked by a stale .lock.db after the process is killed,
        // and the next open waits seconds for H2 to decide the lock is abandoned.
        this.closeOnExit = new Thread(dataSource::close, "tracedesk-workspace-close");
        Runtime.getRuntime().addShutdownHook(closeOnExit);
    }

    /**
     * Opens the workspace, creating it when it does not exist and migrating it when it is older.
     * A workspace written by a newer Tracedesk is refused and left untouched.
     *
     * @param listeners jOOQ listeners to install, e.g. the GUI's guard against queries on the FX thread
     */
    public static Workspace open(WorkspaceLocation location, ExecuteListener... listeners) {
        prepareH2Folder(location);
        HikariDataSource dataSource = connect(location);
        try {
            new WorkspaceMigrator(dataSource, location).migrate();
            return new Workspace(location, dataSource, createDsl(dataSource, location, List.of(listeners)));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    public WorkspaceLocation location() {
        return location;
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** For tools that need plain JDBC (Flyway, benchmarks); application code uses {@link #dsl()}. */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(closeOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it closes the pool itself
        }
        dataSource.close();
    }

    /** The settings every query renders with: unquoted names run on H2 and PostgreSQL alike. */
    static Settings renderSettings() {
        return new Settings()
                .withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withRenderSchema(false)
                .withExecuteLogging(false);
    }

    private static DSLContext createDsl(DataSource dataSource, WorkspaceLocation location,
                                        List<ExecuteListener> listeners) {
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(dataSource);
        configuration.set(location.dialect());
        configuration.set(renderSettings());
        if (!listeners.isEmpty()) {
            configuration.set(DefaultExecuteListenerProvider.providers(
                    listeners.toArray(ExecuteListener[]::new)));
        }
        return DSL.using(configuration);
    }

    private static void prepareH2Folder(WorkspaceLocation location) {
        if (!location.isH2()) {
            return;
        }
        try {
            Files.createDirectories(location.h2File().toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new WorkspaceException("Cannot create the folder for workspace " + location
                    + ": " + e.getMessage(), e);
        }
    }

    private static HikariDataSource connect(WorkspaceLocation location) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.jdbcUrl());
        config.setPoolName("tracedesk");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(15_000);
        try {
            HikariDataSource dataSource = new HikariDataSource(config);
            try (Connection ignored = dataSource.getConnection()) {
                return dataSource;
            }
        } catch (HikariPool.PoolInitializationException | SQLException e) {
            throw new WorkspaceException("Cannot open workspace " + location + ": "
                    + rootMessage(e), e);
        }
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
