package dev.tracedesk.insights;

/** How a range's percentiles were computed (decision 0021). */
public enum PercentileMethod {
    /** Nearest rank over every call's own value. */
    EXACT("nearest rank"),
    /** Nearest rank over the hourly 5 % latency buckets, reported as the bucket's middle: within 2.5 %. */
    LATENCY_BUCKETS("nearest rank over 5% latency buckets (within 2.5%)");

    private final String description;

    PercentileMethod(String description) {
        this.description = description;
    }

    /** In words, for the CLI's output and the dashboard's footnote. */
    public String description() {
        return description;
    }
}
