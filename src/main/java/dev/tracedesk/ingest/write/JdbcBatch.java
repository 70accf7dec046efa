package dev.tracedesk.ingest.write;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * A multi-row insert as one JDBC batch of one prepared statement. The import's hot path: jOOQ
 * renders and binds a statement per call, which a profile showed costing as much as H2 storing
 * the rows, so the rows go straight to JDBC here. Table and column names still come from the
 * generated jOOQ classes, so a schema change breaks the build, not an import.
 */
final class JdbcBatch {

    private JdbcBatch() {
    }

    /** Inserts the rows (values in the order of {@code columns}); returns nothing. */
    static void insert(DSLContext tx, Table<?> table, List<Field<?>> columns, List<Object[]> rows) {
        run(tx, table, columns, rows, null);
    }

    /** Inserts the rows and returns the generated {@code id} of each, in row order. */
    static long[] insertReturningIds(DSLContext tx, Table<?> table, List<Field<?>> columns, List<Object[]> rows) {
        long[] ids = new long[rows.size()];
        run(tx, table, columns, rows, ids);
        return ids;
    }

    private static void run(DSLContext tx, Table<?> table, List<Field<?>> columns, List<Object[]> rows, long[] ids) {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO " + table.getName() + " ("
                + columns.stream().map(Field::getName).collect(Collectors.joining(", ")) + ") VALUES ("
                + columns.stream().map(column -> "?").collect(Collectors.joining(", ")) + ")";
        int[] sqlTypes = columns.stream().mapToInt(column -> column.getDataType().getSQLType()).toArray();
        tx.connection(connection -> execute(connection, sql, sqlTypes, rows, ids));
    }

    private static void execute(Connection connection, String sql, int[] sqlTypes, List<Object[]> rows, long[] ids)
            throws SQLException {
        try (PreparedStatement insert = ids == null ? connection.prepareStatement(sql)
                : connection.prepareStatement(sql, new String[] {"id"})) {
            for (Object[] row : rows) {
                for (int i = 0; i < sqlTypes.length; i++) {
                    if (row[i] == null) {
                        insert.setNull(i + 1, sqlTypes[i]);
                    } else {
                        insert.setObject(i + 1, row[i], sqlTypes[i]);
                    }
                }
                insert.addBatch();
            }
            try {
                insert.executeBatch();
            } catch (SQLException e) {
                throw translate(sql, e);
            }
            if (ids != null) {
                readIds(insert, ids);
            }
        }
    }

    private static void readIds(Statement insert, long[] ids) throws SQLException {
        int index = 0;
        try (ResultSet keys = insert.getGeneratedKeys()) {
            while (keys.next()) {
                ids[index++] = keys.getLong(1);
            }
        }
        if (index != ids.length) {
            throw new IllegalStateException("The database returned " + index + " ids for " + ids.length + " inserted rows");
        }
    }

    /** A unique-key clash tells the caller another import got there first; anything else is a failure. */
    private static RuntimeException translate(String sql, SQLException e) {
        SQLException cause = e.getNextException() != null ? e.getNextException() : e;
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        if (state.startsWith("23")) {
            return new IntegrityConstraintViolationException(cause.getMessage(), cause);
        }
        return new DataAccessException(sql + ": " + cause.getMessage(), cause);
    }
}
