package dev.tracedesk.store;

import static dev.tracedesk.store.generated.Tables.TRACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WorkspaceOpeningTest {

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @Test
    void firstOpenCreatesTheFileAndItsFolders() {
        Path base = tempDir.resolve("nested/deeper/team");
        try (Workspace workspace = Workspace.open(WorkspaceLocation.h2(base))) {
            assertThat(workspace.dsl().fetchCount(TRACE)).isZero();
        }
        assertThat(tempDir.resolve("nested/deeper/team.mv.db")).isRegularFile();
    }

    @Test
    void reopeningKeepsTheDataAndAppliesNoMigrationTwice() {
        WorkspaceLocation location = WorkspaceLocation.h2(tempDir.resolve("ws"));
        try (Workspace workspace = Workspace.open(location)) {
            insertTrace(workspace.dsl(), "t-1");
        }
        try (Workspace workspace = Workspace.open(location)) {
            DSLContext dsl = workspace.dsl();
            assertThat(dsl.fetchCount(TRACE)).isEqualTo(1);
            assertThat(dsl.fetchCount(DSL.table("flyway_schema_history"), DSL.field("success").isTrue().and(DSL.field("version").isNotNull())))
                    .isEqualTo(migrationFileCount());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aWorkspaceFromANewerVersionIsRefusedAndLeftUntouched(String engine) {
        WorkspaceLocation location = TestDatabases.freshLocation(engine, tempDir);
        try {
            try (Workspace workspace = Workspace.open(location)) {
                insertTrace(workspace.dsl(), "kept");
            }
            writeFutureMigration(location);
            List<Record> historyBefore = history(location);

            assertThatThrownBy(() -> Workspace.open(location))
                    .isInstanceOf(WorkspaceException.class)
                    .hasMessageContaining(location.displayName())
                    .hasMessageContaining("newer Tracedesk")
                    .hasMessageContaining("schema version 999")
                    .hasMessageContaining("left unchanged");

            assertThat(history(location)).isEqualTo(historyBefore);
            assertThat(plainCount(location, "trace")).isEqualTo(1);
        } finally {
            TestDatabases.dropPostgresSchema(location);
        }
    }

    @Test
    void aDatabaseThatIsNotATracedeskWorkspaceIsRefused() {
        WorkspaceLocation location = WorkspaceLocation.h2(tempDir.resolve("foreign"));
        TestDatabases.execute(location.jdbcUrl(), "CREATE TABLE invoices (id INT PRIMARY KEY)");

        assertThatThrownBy(() -> Workspace.open(location))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("is not a Tracedesk workspace")
                .hasMessageContaining(location.displayName());
        assertThat(plainCount(location, "invoices")).isZero();
    }

    @Test
    void aFileThatIsNotADatabaseIsReportedWithItsPath() throws Exception {
        Path file = tempDir.resolve("notes.mv.db");
        Files.writeString(file, "these are my notes, not a database\n".repeat(100), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Workspace.open(WorkspaceLocation.parse(file.toString())))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageStartingWith("Cannot open workspace " + file.toAbsolutePath());
        assertThat(Files.readString(file)).startsWith("these are my notes");
    }

    @Test
    void theDbOptionWinsOverTheEnvironmentWhichWinsOverTheDefault() {
        Map<String, String> environment = Map.of(
                "TRACEDESK_DB", tempDir.resolve("from-env").toString(),
                "TRACEDESK_HOME", tempDir.resolve("home").toString());

        assertThat(WorkspaceLocation.resolve(tempDir.resolve("from-option").toString(), environment).h2File())
                .isEqualTo(tempDir.resolve("from-option.mv.db").toAbsolutePath());
        assertThat(WorkspaceLocation.resolve(null, environment).h2File())
                .isEqualTo(tempDir.resolve("from-env.mv.db").toAbsolutePath());
        assertThat(WorkspaceLocation.resolve(null, Map.of("TRACEDESK_HOME", tempDir.resolve("home").toString())).h2File())
                .isEqualTo(tempDir.resolve("home/workspace.mv.db").toAbsolutePath());
    }

    @Test
    void aFullFileNameOrAFolderNamesTheSameKindOfWorkspace() throws Exception {
        assertThat(WorkspaceLocation.parse(tempDir.resolve("a.mv.db").toString()).h2File())
                .isEqualTo(tempDir.resolve("a.mv.db").toAbsolutePath());
        Path folder = Files.createDirectories(tempDir.resolve("team-folder"));
        assertThat(WorkspaceLocation.parse(folder.toString()).h2File())
                .isEqualTo(folder.resolve("workspace.mv.db").toAbsolutePath());
    }

    @Test
    void aPostgresUrlSelectsPostgresAndHidesThePassword() {
        WorkspaceLocation location = WorkspaceLocation.parse("jdbc:postgresql://db.internal/tracedesk?user=ann&password=s3cret");

        assertThat(location.isH2()).isFalse();
        assertThat(location.displayName()).doesNotContain("s3cret").contains("user=ann");
        assertThatThrownBy(() -> WorkspaceLocation.parse("jdbc:mysql://x/y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql://");
    }

    private static void insertTrace(DSLContext dsl, String externalId) {
        dsl.insertInto(TRACE, TRACE.EXTERNAL_TRACE_ID, TRACE.SOURCE_SYSTEM, TRACE.STATUS)
                .values(externalId, "otlp", "OK").execute();
    }

    /** What a newer Tracedesk leaves behind: a successful migration this build does not have. */
    private static void writeFutureMigration(WorkspaceLocation location) {
        TestDatabases.execute(location.jdbcUrl(),
                "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                        + " checksum, installed_by, execution_time, success)"
                        + " VALUES (999, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 0, 'test', 1, TRUE)");
    }

    private static List<Record> history(WorkspaceLocation location) {
        return DSL.using(location.jdbcUrl()).fetch("SELECT * FROM flyway_schema_history ORDER BY installed_rank")
                .stream().map(record -> (Record) record).toList();
    }

    private static int plainCount(WorkspaceLocation location, String table) {
        return DSL.using(location.jdbcUrl()).fetchCount(DSL.table(table));
    }

    /** The SQL migrations plus the Java ones (data moves, in src/main/java/dev/tracedesk/store/migration). */
    private static int migrationFileCount() {
        try (var sql = Files.list(Path.of("migrations"));
             var java = Files.list(Path.of("src/main/java/dev/tracedesk/store/migration"))) {
            return (int) (sql.filter(path -> path.getFileName().toString().matches("V\\d+__.*\\.sql")).count()
                    + java.filter(path -> path.getFileName().toString().matches("V\\d+__.*\\.java")).count());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
