package dev.tracedesk.insights;

import java.util.Map;
import java.util.TreeMap;

import dev.tracedesk.store.LatencyBuckets;

/**
 * Nearest-rank percentiles read off a latency histogram: the bucket holding rank ⌈p·n⌉, reported as
 * its geometric middle (within 2.5 % of the value, {@link LatencyBuckets}).
 */
final class HistogramPercentiles {

    private final TreeMap<Integer, Long> countsByBucket = new TreeMap<>();

    void add(int bucket, long count) {
        countsByBucket.merge(bucket, count, Long::sum);
    }

    Percentiles percentiles(boolean withP99) {
        long total = countsByBucket.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return Percentiles.NONE;
        }
        return new Percentiles(at(0.50, total), at(0.95, total), withP99 ? at(0.99, total) : null);
    }

    private Long at(double fraction, long total) {
        long rank = Math.max(1, (long) Math.ceil(fraction * total));
        long seen = 0;
        for (Map.Entry<Integer, Long> bucket : countsByBucket.entrySet()) {
            seen += bucket.getValue();
            if (seen >= rank) {
                return LatencyBuckets.middleNs(bucket.getKey());
            }
        }
        return LatencyBuckets.middleNs(countsByBucket.lastKey());
    }
}
