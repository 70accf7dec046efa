package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.tracedesk.ingest.ImportQueries;
import dev.tracedesk.ingest.ImportQueries.ImportRow;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "imports", description = "List the imports, newest first, with their counts.")
public final class ImportsCommand implements Callable<Integer> {

    @Mixin
    private WorkspaceOption workspace;

    @Option(names = "--json", description = "Print JSON only.")
    private boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "At most N imports (default ${DEFAULT-VALUE}).")
    private int limit;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<ImportRow> rows;
        try (Workspace open = workspace.open()) {
            rows = new ImportQueries(open.dsl()).imports(limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.write(out, Map.of("imports", rows.stream().map(ImportsCommand::asJson).toList()));
            return ExitCodes.OK;
        }
        if (rows.isEmpty()) {
            out.println("No imports yet. Import a file: tracedesk import FILE");
        }
        for (ImportRow row : rows) {
            out.printf("%6d  %-24s %-10s %-22s read %,d  imported %,d  duplicates %,d  rejected %,d%n",
                    row.importId(), row.status().toLowerCase(java.util.Locale.ROOT), row.format() == null ? "?" : row.format(),
                    row.fileName(), row.read(), row.imported(), row.duplicates(), row.rejected());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Map<String, Object> asJson(ImportRow row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("importId", row.importId());
        json.put("file", row.fileName());
        json.put("path", row.path());
        json.put("format", row.format());
        json.put("status", row.status().toLowerCase(java.util.Locale.ROOT));
        json.put("startedAt", row.startedAt() == null ? null : row.startedAt().toInstant().toString());
        json.put("finishedAt", row.finishedAt() == null ? null : row.finishedAt().toInstant().toString());
        json.put("read", row.read());
        json.put("imported", row.imported());
        json.put("duplicates", row.duplicates());
        json.put("rejected", row.rejected());
        json.put("message", row.message());
        return json;
    }
}
