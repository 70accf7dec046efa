package dev.tracedesk.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Percentiles by nearest rank in SQL: the p-th percentile of n values is the value at rank ⌈p·n/100⌉
 * in ascending order. Not {@code PERCENTILE_DISC}: H2 2.5 picks the value at index ⌊(n−1)·p⌋ for it,
 * one rank low for some n (its p99 of 1..170 is 168, not 169), while PostgreSQL follows the
 * standard. Ranks are numbered with {@code ROW_NUMBER()} per partition and the wanted rank worked
 * out in integers, so both engines give the same, exact answer.
 */
public final class NearestRank {

    private NearestRank() {
    }

    /**
     * For each partition of the rows of {@code from} that satisfy {@code where}, the values at the
     * given percents (whole numbers, e.g. 50, 95, 99); rows with a null value are left out. Keys are
     * the partition fields' values in order.
     */
    public static Map<List<Object>, Long[]> percentiles(DSLContext dsl, Table<?> from, Condition where,
                                                        List<Field<?>> partition, Field<Long> value, int... percents) {
        List<Field<?>> inner = new ArrayList<>();
        for (int i = 0; i < partition.size(); i++) {
            inner.add(partition.get(i).as("part_" + i));
        }
        inner.add(value.as("ranked_value"));
        inner.add(DSL.rowNumber().over(DSL.partitionBy(partition).orderBy(value)).as("value_rank"));
        inner.add(DSL.count().over(DSL.partitionBy(partition)).as("value_count"));
        Table<?> ranked = dsl.select(inner).from(from).where(where).and(value.isNotNull()).asTable("ranked");

        Field<Long> rank = ranked.field("value_rank", Long.class);
        Field<Long> count = ranked.field("value_count").cast(SQLDataType.BIGINT);
        List<Field<?>> outer = new ArrayList<>();
        List<Field<?>> groupBy = new ArrayList<>();
        for (int i = 0; i < partition.size(); i++) {
            Field<?> part = ranked.field("part_" + i);
            outer.add(part);
            groupBy.add(part);
        }
        Field<Long> rankedValue = ranked.field("ranked_value", Long.class);
        for (int percent : percents) {
            // ⌈percent·n/100⌉ in integers: (percent·n + 99) / 100.
            Field<Long> wanted = count.mul(DSL.inline((long) percent)).plus(DSL.inline(99L)).div(DSL.inline(100L));
            outer.add(DSL.max(DSL.when(rank.eq(wanted), rankedValue)));
        }
        Map<List<Object>, Long[]> result = new HashMap<>();
        for (Record row : dsl.select(outer).from(ranked).groupBy(groupBy).fetch()) {
            List<Object> key = new ArrayList<>();
            for (int i = 0; i < partition.size(); i++) {
                key.add(row.get(i));
            }
            Long[] values = new Long[percents.length];
            for (int i = 0; i < percents.length; i++) {
                values[i] = row.get(partition.size() + i, Long.class);
            }
            result.put(key, values);
        }
        return result;
    }
}
