package dev.tracedesk.ingest;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * How imports are named on screen: status words with an icon and a tone, short format names, and
 * counts. One place, so the table, the summary and the details always say the same thing.
 */
public final class ImportLabels {

    /** The look of a status: words, a Feather icon literal, and a style class for its colour. */
    public record StatusLook(String text, String iconLiteral, String styleClass, String explanation) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter OTHER_YEAR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private ImportLabels() {
    }

    public static StatusLook status(String status) {
        ImportStatus known;
        try {
            known = ImportStatus.valueOf(status);
        } catch (IllegalArgumentException | NullPointerException e) {
            return new StatusLook(String.valueOf(status), "fth-help-circle", "status-muted", "A status this version does not know.");
        }
        return status(known);
    }

    public static StatusLook status(ImportStatus status) {
        return switch (status) {
            case RUNNING -> new StatusLook("Running", "fth-loader", "status-running",
                    "Still running, or interrupted before it finished: import the file again to complete it.");
            case COMPLETED -> new StatusLook("Completed", "fth-check-circle", "status-success",
                    "Every record read was imported or recognised as a duplicate.");
            case COMPLETED_WITH_REJECTS -> new StatusLook("Some rejected", "fth-alert-triangle", "status-warning",
                    "Imported, but some records could not be read; they are kept with the reason.");
            case ALREADY_IMPORTED -> new StatusLook("Already imported", "fth-copy", "status-muted",
                    "The same content was imported before; nothing was added.");
            case FAILED -> new StatusLook("Failed", "fth-x-circle", "status-danger",
                    "The file could not be imported, or broke part-way (what was read before is kept).");
            case CANCELLED -> new StatusLook("Cancelled", "fth-slash", "status-muted",
                    "Stopped on request; import the file again to complete it.");
        };
    }

    /** A short name for a format id, e.g. "promptfoo JSON"; "—" when the format was never told. */
    public static String formatName(String formatId) {
        if (formatId == null || formatId.isBlank()) {
            return "—";
        }
        Optional<ImportFormat> format = ImportFormat.byId(formatId);
        if (format.isEmpty()) {
            return formatId;
        }
        return switch (format.get()) {
            case OTLP_TRACES -> "OTLP traces";
            case OTLP_LOGS -> "OTLP logs";
            case LANGFUSE -> "Langfuse";
            case PROMPTFOO_JSON -> "promptfoo JSON";
            case PROMPTFOO_JSONL -> "promptfoo JSONL";
            case PROMPTFOO_CSV -> "promptfoo CSV";
            case INSPECT_JSON -> "Inspect AI JSON";
            case INSPECT_EVAL -> "Inspect AI .eval";
            case OPENAI_EVALS_LOG -> "OpenAI Evals log";
            case OPENAI_EVALS_ITEMS -> "OpenAI Evals items";
            case GENERIC_JSONL -> "Generic JSONL";
            case GENERIC_CSV -> "Generic CSV";
        };
    }

    public static String formatDescription(String formatId) {
        return ImportFormat.byId(formatId == null ? "" : formatId).map(ImportFormat::description)
                .orElse("The format could not be told from the content.");
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String count(long n, String singular, String plural) {
        return count(n) + " " + (n == 1 ? singular : plural);
    }

    /** When an import started, in the local time zone, as short as is clear: "today 14:03", "Jun 3, 09:12". */
    public static String started(OffsetDateTime startedAt, ZoneId zone, LocalDate today) {
        if (startedAt == null) {
            return "";
        }
        ZonedDateTime local = startedAt.atZoneSameInstant(zone);
        LocalDate day = local.toLocalDate();
        if (day.equals(today)) {
            return "today " + local.format(TIME);
        }
        if (day.equals(today.minusDays(1))) {
            return "yesterday " + local.format(TIME);
        }
        return local.format(day.getYear() == today.getYear() ? THIS_YEAR : OTHER_YEAR);
    }

    /** The full date and time with zone, for a tooltip. */
    public static String startedExactly(OffsetDateTime startedAt, ZoneId zone) {
        return startedAt == null ? "" : startedAt.atZoneSameInstant(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** At most {@code max} characters of a text, with "…" when it was cut. */
    public static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /** The first line of a text, for a table cell; the whole text goes in the details. */
    public static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end) + " …").strip();
    }

    /** How long an import took: "0.4 s", "12 s", "3 min 5 s"; empty while it has not finished. */
    public static String took(OffsetDateTime startedAt, OffsetDateTime finishedAt) {
        if (startedAt == null || finishedAt == null) {
            return "";
        }
        Duration duration = Duration.between(startedAt, finishedAt);
        long millis = Math.max(0, duration.toMillis());
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }
}
