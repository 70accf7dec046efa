package dev.tracedesk.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Reads {@code --since} (and {@code --until}, which takes the same forms): an ISO instant, a date
 * (midnight UTC), or an age such as 30m, 24h, 7d (that long before now).
 */
final class SinceOption {

    private static final Pattern AGE = Pattern.compile("(\\d+)\\s*([mhd])");

    private SinceOption() {
    }

    static long epochNanos(String value, CommandLine command) {
        return epochNanos(value, Instant.now(), command);
    }

    static long epochNanos(String value, Instant now, CommandLine command) {
        return epochNanos("--since", value, now, command);
    }

    /** @param option the option's name, for the message when the value is not a time */
    static long epochNanos(String option, String value, Instant now, CommandLine command) {
        String text = value.trim();
        Matcher age = AGE.matcher(text);
        Instant since;
        if (age.matches()) {
            long amount = Long.parseLong(age.group(1));
            since = now.minus(switch (age.group(2)) {
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        } else {
            try {
                since = text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new ParameterException(command, option + " '" + value + "' is not a time: give an ISO time"
                        + " (2026-11-01T09:00:00Z), a date (2026-11-01) or an age (30m, 24h, 7d).");
            }
        }
        return since.getEpochSecond() * 1_000_000_000L + since.getNano();
    }
}
