package dev.tracedesk.datasets;

import java.nio.file.Path;

import dev.tracedesk.datasets.export.AssertionStyle;
import dev.tracedesk.datasets.export.ExportFormat;
import dev.tracedesk.datasets.export.ExportResult;

/** What the export dialog asks for: one version, in one format, with its assertions and redaction, to a file. */
public record ExportRequest(DatasetVersion version, ExportFormat format, AssertionStyle assertions,
                            RedactionSets.Choice redaction, Path out) {

    /** {@code capitals-v2.promptfoo.yaml}: the dataset, the version and the format, with the format's extension. */
    public static String fileName(DatasetVersion version, ExportFormat format) {
        String base = version.dataset().replaceAll("[^A-Za-z0-9_.-]+", "-") + "-"
                + (version.isDraft() ? "draft" : "v" + version.number());
        return switch (format) {
            case PROMPTFOO -> base + ".promptfoo.yaml";
            case PROMPTFOO_CSV -> base + ".promptfoo.csv";
            case CSV -> base + ".csv";
            default -> base + "." + format.id() + ".jsonl";
        };
    }

    /** "Wrote 12 items to …; 1 skipped; 3 values masked." */
    public static String describe(ExportResult result) {
        int masked = result.redactions().values().stream().mapToInt(Integer::intValue).sum();
        return "Wrote " + result.written() + (result.written() == 1 ? " item" : " items") + " to " + result.file()
                + (result.skipped() == 0 ? "" : "; " + result.skipped() + " skipped (see the manifest)")
                + (masked == 0 ? "" : "; " + masked + " values masked") + ".";
    }
}
