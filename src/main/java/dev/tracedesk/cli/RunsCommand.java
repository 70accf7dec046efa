package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.tracedesk.evals.EvalRunQueries;
import dev.tracedesk.evals.EvalRunSummary;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "runs", description = "List eval runs, newest first, with how many cases passed, failed and errored.",
        subcommands = RunCompareCommand.class)
public final class RunsCommand implements Callable<Integer> {

    @Mixin
    private WorkspaceOption workspace;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "At most N runs (default ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--json", description = "Print JSON only.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1, not " + limit + ".");
        }
        List<EvalRunSummary> runs;
        try (Workspace open = workspace.open()) {
            runs = new EvalRunQueries(open.dsl()).runs(limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.write(out, Map.of("runs", runs.stream().map(RunsCommand::asJson).toList()));
            return ExitCodes.OK;
        }
        if (runs.isEmpty()) {
            out.println("No eval runs yet. Import a promptfoo, Inspect or OpenAI Evals file: tracedesk import FILE");
        } else {
            out.printf("%6s  %-12s %-20s %6s %6s %6s %6s  %-30s %s%n", "ID", "TOOL", "STARTED (UTC)", "CASES", "PASS",
                    "FAIL", "ERROR", "RUN ID", "NAME  [PROVIDERS]");
        }
        for (EvalRunSummary run : runs) {
            out.printf("%6d  %-12s %-20s %6d %6d %6d %6d  %-30s %s%s%n", run.id(), run.tool(),
                    run.startedAt() == null ? "" : DisplayValues.iso(run.startedAt().withNano(0)), run.cases(),
                    run.passed(), run.failed(), run.errored(), run.runId(), DisplayValues.oneLine(run.name(), 50),
                    run.providers().isEmpty() ? "" : "  " + run.providers());
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The documented shape, keys in this order. */
    static Map<String, Object> asJson(EvalRunSummary run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runId", run.runId());
        json.put("id", run.id());
        json.put("tool", run.tool());
        json.put("name", run.name());
        json.put("startedAt", DisplayValues.iso(run.startedAt()));
        json.put("cases", run.cases());
        json.put("passed", run.passed());
        json.put("failed", run.failed());
        json.put("errored", run.errored());
        json.put("providers", run.providers());
        json.put("dataset", run.dataset());
        return json;
    }
}
