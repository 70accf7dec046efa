package dev.tracedesk.cli;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tracedesk.core.model.CallGrouping;
import dev.tracedesk.insights.InsightsQuery;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --since} and {@code --until} (a picocli mixin): the calls that started in [since, until). */
public final class TimeRangeOptions {

    @Option(names = "--since", paramLabel = "T",
            description = "Only calls that started at or after T: an ISO time (2026-11-01T09:00:00Z),"
                    + " a date (2026-11-01, midnight UTC) or an age (30m, 24h, 7d). Default: the first call.")
    private String since;

    @Option(names = "--until", paramLabel = "T",
            description = "Only calls that started before T, in the same forms as --since. Default: no end.")
    private String until;

    private Long fromNs;
    private Long toNs;

    /** Reads both options against one "now", so "--since 7d --until 1d" is one consistent window. */
    void resolve(Instant now, CommandLine command) {
        fromNs = since == null ? null : SinceOption.epochNanos("--since", since, now, command);
        toNs = until == null ? null : SinceOption.epochNanos("--until", until, now, command);
        if (fromNs != null && toNs != null && toNs <= fromNs) {
            throw new ParameterException(command, "--until (" + until + ") must be later than --since (" + since + ").");
        }
    }

    Long fromNs() {
        return fromNs;
    }

    Long toNs() {
        return toNs;
    }

    /** The range the figures cover (Insights widens ranges to whole hours) in JSON: ISO instants, null for an open end. */
    static Map<String, Object> asJson(InsightsQuery effective) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("since", DisplayValues.isoFromEpochNanos(effective.fromNs()));
        json.put("until", DisplayValues.isoFromEpochNanos(effective.toNs()));
        return json;
    }

    /** "2026-11-01T00:00:00Z – now", for the text header. */
    static String describe(InsightsQuery effective) {
        return (effective.fromNs() == null ? "first call" : DisplayValues.isoFromEpochNanos(effective.fromNs())) + " – "
                + (effective.toNs() == null ? "now" : DisplayValues.isoFromEpochNanos(effective.toNs()) + " (exclusive)");
    }

    /** The asked range, widened to whole hours as Insights reads it. */
    InsightsQuery effective() {
        return new InsightsQuery(fromNs, toNs, CallGrouping.NONE).wholeHours();
    }
}
