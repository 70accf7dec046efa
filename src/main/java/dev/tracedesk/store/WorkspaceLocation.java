package dev.tracedesk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import org.jooq.SQLDialect;

/**
 * Where a workspace lives: an H2 file on this machine, or a shared PostgreSQL database.
 *
 * <p>Chosen, in order, from {@code --db}, the {@code TRACEDESK_DB} environment variable, and the
 * default {@code ~/.tracedesk/workspace} (under {@code TRACEDESK_HOME} when that is set).
 */
public final class WorkspaceLocation {

    /** H2 appends this to the base path it is given; users often pass the full file name. */
    private static final String H2_FILE_SUFFIX = ".mv.db";

    private final SQLDialect dialect;
    private final String jdbcUrl;
    private final String displayName;
    private final Path h2File;

    private WorkspaceLocation(SQLDialect dialect, String jdbcUrl, String displayName, Path h2File) {
        this.dialect = dialect;
        this.jdbcUrl = jdbcUrl;
        this.displayName = displayName;
        this.h2File = h2File;
    }

    /** Resolves {@code --db} (may be null) against the environment, as the CLI and GUI both do. */
    public static WorkspaceLocation resolve(String dbOption, Map<String, String> environment) {
        if (dbOption != null && !dbOption.isBlank()) {
            return parse(dbOption);
        }
        String fromEnvironment = environment.get("TRACEDESK_DB");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return parse(fromEnvironment);
        }
        return h2(TracedeskHome.resolve(environment).resolve("workspace"));
    }

    /** A {@code jdbc:postgresql://} URL selects PostgreSQL; anything else is an H2 file path. */
    public static WorkspaceLocation parse(String value) {
        String trimmed = value.trim();
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return new WorkspaceLocation(SQLDialect.POSTGRES, trimmed, redactPassword(trimmed), null);
        }
        if (trimmed.startsWith("jdbc:")) {
            throw new IllegalArgumentException("Unsupported workspace URL '" + trimmed
                    + "': use a file path (H2) or a jdbc:postgresql://host/database URL.");
        }
        return h2(Path.of(trimmed));
    }

    public static WorkspaceLocation h2(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve("workspace") : path;
        String base = file.toAbsolutePath().normalize().toString();
        if (base.endsWith(H2_FILE_SUFFIX)) {
            base = base.substring(0, base.length() - H2_FILE_SUFFIX.length());
        }
        // AUTO_SERVER lets the GUI and the CLI (separate processes) use one file at the same
        // time: the first opener serves it over loopback TCP, later ones connect to it.
        // AUTO_RECONNECT keeps the later ones working when the first process exits.
        // DATABASE_TO_LOWER folds unquoted names to lower case as PostgreSQL does, so names
        // written quoted by tools (Flyway's history table) and unquoted by us agree on both.
        String url = "jdbc:h2:file:" + base + ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;DATABASE_TO_LOWER=TRUE";
        return new WorkspaceLocation(SQLDialect.H2, url, base + H2_FILE_SUFFIX, Path.of(base + H2_FILE_SUFFIX));
    }

    public SQLDialect dialect() {
        return dialect;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** What the user sees: the H2 file, or the PostgreSQL URL without its password. */
    public String displayName() {
        return displayName;
    }

    public boolean isH2() {
        return dialect == SQLDialect.H2;
    }

    /** The H2 database file ({@code …/workspace.mv.db}); null for PostgreSQL. */
    public Path h2File() {
        return h2File;
    }

    private static String redactPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WorkspaceLocation that && jdbcUrl.equals(that.jdbcUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jdbcUrl);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
