package dev.tracedesk.insights;

/**
 * Latency percentiles in nanoseconds by nearest rank: the p-th percentile of n values is the value
 * at rank ⌈p·n⌉ in ascending order, always one of the measured values. Null where no value was
 * recorded (p99 is left null where only two are asked).
 */
public record Percentiles(Long p50Ns, Long p95Ns, Long p99Ns) {

    public static final Percentiles NONE = new Percentiles(null, null, null);

    public boolean isEmpty() {
        return p50Ns == null;
    }
}
