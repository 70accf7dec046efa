package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.tracedesk.ingest.ImportQueries;
import dev.tracedesk.ingest.ImportQueries.RejectedRow;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "rejected", description = "Show the records an import rejected: where, why, and the raw text.")
public final class RejectedCommand implements Callable<Integer> {

    @Mixin
    private WorkspaceOption workspace;

    @Parameters(paramLabel = "IMPORT_ID")
    private long importId;

    @Option(names = "--json", description = "Print JSON only.")
    private boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10000", description = "At most N records (default ${DEFAULT-VALUE}).")
    private int limit;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<RejectedRow> rows;
        try (Workspace open = workspace.open()) {
            ImportQueries queries = new ImportQueries(open.dsl());
            if (queries.importById(importId).isEmpty()) {
                throw new ParameterException(spec.commandLine(), "No import " + importId + " in this workspace (see: tracedesk imports).");
            }
            rows = queries.rejected(importId, limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("importId", importId);
            document.put("rejected", rows.stream().map(RejectedCommand::asJson).toList());
            JsonOutput.write(out, document);
            return ExitCodes.OK;
        }
        if (rows.isEmpty()) {
            out.println("Import " + importId + " rejected nothing.");
        }
        for (RejectedRow row : rows) {
            out.printf("%s: %s%n  %s%n", row.locator(), row.reason(), abbreviate(row.rawText()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Map<String, Object> asJson(RejectedRow row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("locator", row.locator());
        json.put("line", row.lineNumber());
        json.put("reason", row.reason());
        json.put("raw", row.rawText());
        return json;
    }

    private static String abbreviate(String raw) {
        String oneLine = raw.replace('\n', ' ');
        return oneLine.length() > 200 ? oneLine.substring(0, 199) + "…" : oneLine;
    }
}
