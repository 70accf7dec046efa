package dev.tracedesk.insights;

/**
 * The calls of one model that started while {@code inFlight} other LLM calls were running, and
 * their latency: how latency changes as traffic overlaps.
 */
public record LoadLevel(String model, int inFlight, long calls, Long p50Ns, Long p95Ns) {
}
