package dev.tracedesk.store;

import static dev.tracedesk.store.generated.Tables.SPAN_CONTENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.store.content.ContentJson;
import dev.tracedesk.store.content.StoredDocument;
import dev.tracedesk.store.content.StoredMessage;

/** A workspace written before V4 keeps its messages and documents, moved into span_content by V5. */
class MessagesMigrationTest {

    @TempDir
    Path tempDir;

    private WorkspaceLocation location;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @AfterEach
    void dropSchema() {
        if (location != null) {
            TestDatabases.dropPostgresSchema(location);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void messagesAndDocumentsOfAnOlderWorkspaceMoveIntoTheSpanContent(String engine) {
        location = TestDatabases.freshLocation(engine, tempDir);
        Flyway.configure().dataSource(location.jdbcUrl(), null, null)
                .locations(WorkspaceMigrator.MIGRATIONS, WorkspaceMigrator.JAVA_MIGRATIONS)
                .target("3")
                .load()
                .migrate();
        TestDatabases.execute(location.jdbcUrl(),
                "INSERT INTO trace (id, external_trace_id, source_system, status) VALUES (1, 't', 'otel', 'OK')",
                "INSERT INTO span (id, trace_id, external_span_id, kind, name, status) VALUES (10, 1, 'llm', 'LLM', 'chat', 'OK')",
                "INSERT INTO span (id, trace_id, external_span_id, kind, name, status) VALUES (11, 1, 'ret', 'RETRIEVER', 'search', 'OK')",
                "INSERT INTO span_content (span_id, output_text) VALUES (10, 'Paris')",
                "INSERT INTO message (span_id, direction, message_index, role, content) VALUES (10, 'OUTPUT', 0, 'assistant', 'Paris')",
                "INSERT INTO message (span_id, direction, message_index, role, content, tool_calls_json)"
                        + " VALUES (10, 'INPUT', 1, 'user', 'Capital of \"France\"?', '[{\"id\":\"c1\"}]')",
                "INSERT INTO message (span_id, direction, message_index, role, content) VALUES (10, 'INPUT', 0, 'system', 'Be brief.')",
                "INSERT INTO retrieved_document (span_id, doc_rank, document_id, score, content) VALUES (11, 1, 'kb-2', 0.5, 'second')",
                "INSERT INTO retrieved_document (span_id, doc_rank, document_id, content) VALUES (11, 0, 'kb-1', 'first')");

        try (Workspace workspace = Workspace.open(location)) {
            DSLContext dsl = workspace.dsl();
            assertThat(ContentJson.parseMessages(dsl.fetchValue(SPAN_CONTENT.MESSAGES_JSON, SPAN_CONTENT.SPAN_ID.eq(10L))))
                    .containsExactly(
                            new StoredMessage("INPUT", 0, "system", null, "Be brief.", null, null, null),
                            new StoredMessage("INPUT", 1, "user", null, "Capital of \"France\"?", "[{\"id\":\"c1\"}]", null, null),
                            new StoredMessage("OUTPUT", 0, "assistant", null, "Paris", null, null, null));
            assertThat(dsl.fetchValue(SPAN_CONTENT.OUTPUT_TEXT, SPAN_CONTENT.SPAN_ID.eq(10L))).as("kept").isEqualTo("Paris");
            assertThat(ContentJson.parseDocuments(dsl.fetchValue(SPAN_CONTENT.DOCUMENTS_JSON, SPAN_CONTENT.SPAN_ID.eq(11L))))
                    .as("a span without a content row gets one")
                    .containsExactly(new StoredDocument(0, "kb-1", null, "first", null, null),
                            new StoredDocument(1, "kb-2", 0.5, "second", null, null));
            assertThat(dsl.meta().getTables("message")).as("the old table is gone").isEmpty();
        }
    }
}
