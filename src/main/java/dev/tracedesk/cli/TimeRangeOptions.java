package dev.tracedesk.cli;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /** The effective range in JSON: ISO instants, null for an open end. */
    Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("since", DisplayValues.isoFromEpochNanos(fromNs));
        json.put("until", DisplayValues.isoFromEpochNanos(toNs));
        return json;
    }

    /** "2026-11-01T00:00:00Z – (open)", for the text header. */
    String describe() {
        return (fromNs == null ? "first call" : DisplayValues.isoFromEpochNanos(fromNs)) + " – "
                + (toNs == null ? "now" : DisplayValues.isoFromEpochNanos(toNs) + " (exclusive)");
    }
}
