package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.tracedesk.ingest.FormatReaders;
import dev.tracedesk.ingest.ImportFormat;
import dev.tracedesk.ingest.ImportResult;
import dev.tracedesk.ingest.ImportService;
import dev.tracedesk.ingest.ImportStatus;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "import", description = "Import trace and eval files (format detected from the content).")
public final class ImportCommand implements Callable<Integer> {

    @Mixin
    private WorkspaceOption workspace;

    @Option(names = "--format", paramLabel = "F", description = "Read every file as this format: ${COMPLETION-CANDIDATES}.",
            completionCandidates = FormatIds.class)
    private String format;

    @Option(names = "--mapping", paramLabel = "NAME", description = "A saved field mapping, for generic JSONL/CSV.")
    private String mapping;

    @Option(names = "--json", description = "Print JSON only.")
    private boolean json;

    @Option(names = "--report-memory", hidden = true,
            description = "Print the peak Java heap used to stderr (for the import benchmark).")
    private boolean reportMemory;

    @Parameters(arity = "1..*", paramLabel = "FILE")
    private List<Path> files;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Optional<ImportFormat> requested = Optional.empty();
        if (format != null) {
            requested = Optional.of(ImportFormat.byId(format).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "Unknown format '" + format + "'. Formats: " + String.join(", ", new FormatIds()))));
        }
        List<ImportResult> results = new ArrayList<>();
        try (Workspace open = workspace.open()) {
            ImportService service = new ImportService(open.dsl(), FormatReaders.standard());
            for (Path file : files) {
                results.add(service.importFile(file, requested, Optional.ofNullable(mapping),
                        new ConsoleProgress(spec.commandLine().getErr())));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.write(out, Map.of("files", results.stream().map(ImportCommand::asJson).toList()));
        } else {
            results.forEach(result -> printSummary(out, result));
        }
        for (ImportResult result : results) {
            if (result.status() == ImportStatus.FAILED || result.status() == ImportStatus.CANCELLED) {
                if (!json) {
                    spec.commandLine().getErr().println("tracedesk: " + result.message());
                }
            }
        }
        if (reportMemory) {
            spec.commandLine().getErr().printf("peak heap: %.1f MB%n", peakHeapBytes() / 1e6);
        }
        spec.commandLine().getErr().flush();
        return exitCode(results);
    }

    /** The sum of each heap pool's peak; an upper bound of the heap in use at any one time. */
    private static long peakHeapBytes() {
        return java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }

    static int exitCode(List<ImportResult> results) {
        if (results.stream().anyMatch(result -> result.status() == ImportStatus.FAILED
                || result.status() == ImportStatus.CANCELLED)) {
            return ExitCodes.USAGE_OR_UNREADABLE;
        }
        return results.stream().anyMatch(result -> result.counts().rejected() > 0) ? ExitCodes.PARTIAL : ExitCodes.OK;
    }

    private static Map<String, Object> asJson(ImportResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", result.file().toString());
        json.put("importId", result.importId());
        json.put("format", result.format() == null ? null : result.format().id());
        json.put("status", result.status().name().toLowerCase(java.util.Locale.ROOT));
        json.put("read", result.counts().read());
        json.put("imported", result.counts().imported());
        json.put("duplicates", result.counts().duplicates());
        json.put("rejected", result.counts().rejected());
        json.put("message", result.message());
        return json;
    }

    private static void printSummary(PrintWriter out, ImportResult result) {
        out.printf("%s  [%s] %s%n", result.file(), result.format() == null ? "?" : result.format().id(),
                result.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        out.printf("  read %,d   imported %,d   duplicates %,d   rejected %,d%n", result.counts().read(),
                result.counts().imported(), result.counts().duplicates(), result.counts().rejected());
        if (result.counts().rejected() > 0 && result.importId() != null) {
            out.printf("  see the rejected records: tracedesk rejected %d%n", result.importId());
        }
        out.flush();
    }

    /** The --format values, for help and shell completion. */
    static final class FormatIds extends ArrayList<String> {
        FormatIds() {
            for (ImportFormat value : ImportFormat.values()) {
                add(value.id());
            }
        }
    }
}
