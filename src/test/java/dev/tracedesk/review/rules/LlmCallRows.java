package dev.tracedesk.review.rules;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;

import dev.tracedesk.store.calls.LlmCallFacts;

/**
 * LLM calls for the budget tests, written with plain JDBC into trace and span (one trace per
 * call), remembered here as plain Java values so a test can work out what the rules should find
 * without asking the database; {@link #refresh} derives their {@code llm_call} rows.
 */
final class LlmCallRows {

    static final long DAY_NS = 86_400_000_000_000L;
    static final long HOUR_NS = 3_600_000_000_000L;

    /** One generated call, as the test knows it. */
    record Call(long spanId, String model, String provider, LocalDate day, long startNs, long durationMs, BigDecimal costUsd) {
    }

    private final DSLContext dsl;
    private final List<Call> calls = new ArrayList<>();
    private int counter;

    LlmCallRows(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A call starting {@code atNs} after midnight UTC of the day; cost null: none reported. */
    Call call(String model, String provider, LocalDate day, long atNs, long durationMs, String costUsd, String costSource) {
        long start = day.toEpochDay() * DAY_NS + atNs;
        String name = "call-" + (++counter);
        long spanId = dsl.connectionResult(connection -> {
            long traceId;
            try (PreparedStatement trace = connection.prepareStatement(
                    "INSERT INTO trace (external_trace_id, source_system, status, name, start_ns, end_ns) VALUES (?, 'otlp', 'OK', ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                trace.setString(1, "trace-" + name);
                trace.setString(2, "route-" + name);
                trace.setLong(3, start);
                trace.setLong(4, start + durationMs * 1_000_000L);
                trace.executeUpdate();
                traceId = generatedId(trace);
            }
            try (PreparedStatement span = connection.prepareStatement(
                    "INSERT INTO span (trace_id, external_span_id, kind, name, status, start_ns, duration_ns, served_model, provider,"
                            + " cost_usd, cost_source) VALUES (?, ?, 'LLM', ?, 'OK', ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                span.setLong(1, traceId);
                span.setString(2, name);
                span.setString(3, name);
                span.setLong(4, start);
                span.setLong(5, durationMs * 1_000_000L);
                span.setString(6, model);
                span.setString(7, provider);
                if (costUsd == null) {
                    span.setNull(8, Types.DECIMAL);
                } else {
                    span.setBigDecimal(8, new BigDecimal(costUsd));
                }
                span.setString(9, costSource);
                span.executeUpdate();
                return generatedId(span);
            }
        });
        Call call = new Call(spanId, model, provider, day, start, durationMs, costUsd == null ? BigDecimal.ZERO : new BigDecimal(costUsd));
        calls.add(call);
        return call;
    }

    Call call(String model, LocalDate day, long atNs, long durationMs, String costUsd) {
        return call(model, "openai", day, atNs, durationMs, costUsd, "REPORTED");
    }

    /** Brings {@code llm_call} up to date, as an import does before applying the rules. */
    void refresh() {
        new LlmCallFacts(dsl).refresh();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    private static long generatedId(PreparedStatement statement) throws java.sql.SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}
