package dev.tracedesk.stats;

import static dev.tracedesk.store.generated.Tables.DATASET;
import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.EVAL_RUN;
import static dev.tracedesk.store.generated.Tables.IMPORT_FILE;
import static dev.tracedesk.store.generated.Tables.REJECTED_RECORD;
import static dev.tracedesk.store.generated.Tables.REVIEW_ITEM;
import static dev.tracedesk.store.generated.Tables.REVIEW_LABEL;
import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.TRACE;

import java.util.EnumMap;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;

import dev.tracedesk.core.model.SpanKind;

/** Counts what a workspace holds, for {@code tracedesk stats} and the status bar. */
public final class WorkspaceStatsQueries {

    private final DSLContext dsl;

    public WorkspaceStatsQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    public WorkspaceStats load() {
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            Map<SpanKind, Long> byKind = spansByKind(tx);
            long spans = byKind.values().stream().mapToLong(Long::longValue).sum();
            return new WorkspaceStats(
                    count(tx, TRACE),
                    spans,
                    byKind,
                    count(tx, EVAL_RUN),
                    count(tx, EVAL_CASE),
                    count(tx, REVIEW_ITEM),
                    count(tx, REVIEW_LABEL),
                    count(tx, DATASET),
                    count(tx, IMPORT_FILE),
                    count(tx, REJECTED_RECORD));
        });
    }

    private static Map<SpanKind, Long> spansByKind(DSLContext tx) {
        Map<SpanKind, Long> byKind = new EnumMap<>(SpanKind.class);
        for (SpanKind kind : SpanKind.values()) {
            byKind.put(kind, 0L);
        }
        tx.select(SPAN.KIND, DSL.count())
                .from(SPAN)
                .groupBy(SPAN.KIND)
                .forEach(row -> byKind.merge(kindOf(row.value1()), row.value2().longValue(), Long::sum));
        return byKind;
    }

    /** A kind this build does not know (written by a newer one) still counts, as OTHER. */
    private static SpanKind kindOf(String stored) {
        try {
            return SpanKind.valueOf(stored);
        } catch (IllegalArgumentException e) {
            return SpanKind.OTHER;
        }
    }

    private static long count(DSLContext tx, Table<?> table) {
        return tx.fetchCount(table);
    }
}
