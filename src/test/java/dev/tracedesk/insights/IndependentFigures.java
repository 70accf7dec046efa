package dev.tracedesk.insights;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.tracedesk.core.model.CallGrouping;
import dev.tracedesk.insights.PlantedCalls.Call;

/**
 * Figures recomputed in plain Java from the rows a test generated, never through the code under
 * test: group keys as documented, nearest-rank percentiles, BigDecimal sums, and the number of
 * calls in flight by comparing every pair of intervals.
 */
public final class IndependentFigures {

    private IndependentFigures() {
    }

    /** The value at rank ⌈pct·n/100⌉ of the sorted values (integer arithmetic: no 0.95·60 = 56.99…); null when none. */
    public static Long nearestRank(Collection<Long> values, int pct) {
        List<Long> sorted = values.stream().filter(Objects::nonNull).sorted().toList();
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (pct * sorted.size() + 99) / 100;
        return sorted.get(Math.max(1, rank) - 1);
    }

    public static String key(Call call, CallGrouping grouping) {
        return switch (grouping) {
            case NONE -> CallGrouping.ALL;
            case MODEL -> orNone(call.model());
            case PROVIDER -> orNone(call.provider());
            case ROUTE -> orNone(call.route());
            case PROMPT -> call.promptName() == null && call.promptVersion() == null ? CallGrouping.NO_VALUE
                    : call.promptVersion() == null ? call.promptName()
                    : (call.promptName() == null ? "" : call.promptName()) + "@" + call.promptVersion();
        };
    }

    public static Map<String, List<Call>> byKey(List<Call> calls, CallGrouping grouping) {
        return calls.stream().collect(Collectors.groupingBy(call -> key(call, grouping), TreeMap::new, Collectors.toList()));
    }

    public static BigDecimal sum(List<Call> calls, Function<Call, BigDecimal> amount) {
        BigDecimal total = BigDecimal.ZERO;
        for (Call call : calls) {
            if (amount.apply(call) != null) {
                total = total.add(amount.apply(call));
            }
        }
        return total;
    }

    public static List<Long> values(List<Call> calls, Function<Call, Long> value) {
        List<Long> values = new ArrayList<>();
        calls.forEach(call -> values.add(value.apply(call)));
        return values;
    }

    /** Others that started at the same instant, or earlier and had not ended by this start. O(n²) on purpose. */
    public static Map<Long, Integer> inFlightBySpan(List<Call> calls) {
        Map<Long, Integer> bySpan = new TreeMap<>();
        for (Call call : calls) {
            int count = 0;
            for (Call other : calls) {
                if (other == call) {
                    continue;
                }
                if (other.startNs() == call.startNs() || (other.startNs() < call.startNs() && other.endNs() > call.startNs())) {
                    count++;
                }
            }
            bySpan.put(call.spanId(), count);
        }
        return bySpan;
    }

    private static String orNone(String value) {
        return value == null ? CallGrouping.NO_VALUE : value;
    }
}
