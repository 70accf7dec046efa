package dev.tracedesk.store.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import dev.tracedesk.store.content.ContentJson;
import dev.tracedesk.store.content.StoredDocument;
import dev.tracedesk.store.content.StoredMessage;

/**
 * Copies the message and retrieved_document rows of a workspace written before V4 into the JSON
 * columns of span_content (decision 0008). A Java migration because H2 and PostgreSQL share no
 * SQL for building JSON arrays; it streams the rows in span order, so memory stays flat.
 */
public class V5__Move_messages_and_documents_into_span_content extends BaseJavaMigration {

    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        copy(connection, "SELECT span_id, direction, message_index, role, name, content, tool_calls_json, tool_call_id,"
                        + " finish_reason FROM message ORDER BY span_id, direction, message_index",
                row -> new StoredMessage(text(row, 2), integer(row, 3), text(row, 4), text(row, 5), text(row, 6),
                        text(row, 7), text(row, 8), text(row, 9)),
                "messages_json", ContentJson::messages);
        copy(connection, "SELECT span_id, doc_rank, document_id, score, content, source, metadata_json"
                        + " FROM retrieved_document ORDER BY span_id, doc_rank",
                row -> new StoredDocument(integer(row, 2), text(row, 3), score(row), text(row, 5), text(row, 6),
                        text(row, 7)),
                "documents_json", ContentJson::documents);
    }

    private interface Row<T> {
        T of(ResultSet row) throws SQLException;
    }

    private static <T> void copy(Connection connection, String select, Row<T> mapper, String column,
                                 Function<List<T>, String> toJson) throws SQLException {
        try (Statement query = connection.createStatement();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE span_content SET " + column + " = ? WHERE span_id = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO span_content (span_id, " + column + ") SELECT ?, ? WHERE NOT EXISTS"
                             + " (SELECT 1 FROM span_content WHERE span_id = ?)")) {
            query.setFetchSize(BATCH);
            try (ResultSet rows = query.executeQuery(select)) {
                long spanId = -1;
                List<T> items = new ArrayList<>();
                List<Object[]> pending = new ArrayList<>();
                while (rows.next()) {
                    long rowSpan = rows.getLong(1);
                    if (rowSpan != spanId && !items.isEmpty()) {
                        pending.add(new Object[] {spanId, toJson.apply(items)});
                        items = new ArrayList<>();
                        if (pending.size() >= BATCH) {
                            write(update, insert, pending);
                        }
                    }
                    spanId = rowSpan;
                    items.add(mapper.of(rows));
                }
                if (!items.isEmpty()) {
                    pending.add(new Object[] {spanId, toJson.apply(items)});
                }
                write(update, insert, pending);
            }
        }
    }

    /** Every span had a span_content row when written by the importer; the insert covers any that did not. */
    private static void write(PreparedStatement update, PreparedStatement insert, List<Object[]> pending) throws SQLException {
        for (Object[] row : pending) {
            update.setString(1, (String) row[1]);
            update.setLong(2, (Long) row[0]);
            update.addBatch();
            insert.setLong(1, (Long) row[0]);
            insert.setString(2, (String) row[1]);
            insert.setLong(3, (Long) row[0]);
            insert.addBatch();
        }
        update.executeBatch();
        insert.executeBatch();
        pending.clear();
    }

    private static String text(ResultSet row, int column) throws SQLException {
        return row.getString(column);
    }

    private static int integer(ResultSet row, int column) throws SQLException {
        return row.getInt(column);
    }

    private static Double score(ResultSet row) throws SQLException {
        double score = row.getDouble(4);
        return row.wasNull() ? null : score;
    }
}
