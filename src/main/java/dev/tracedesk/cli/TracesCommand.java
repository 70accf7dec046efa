package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.tracedesk.store.Workspace;
import dev.tracedesk.traces.TraceQueries;
import dev.tracedesk.traces.TraceSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "traces", description = "List traces, newest first, with their span count and the models that answered.")
public final class TracesCommand implements Callable<Integer> {

    @Mixin
    private WorkspaceOption workspace;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N traces (default ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--model", paramLabel = "M",
            description = "Only traces with a span whose served or requested model is M or starts with M.")
    private String model;

    @Option(names = "--json", description = "Print JSON only.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1, not " + limit + ".");
        }
        List<TraceSummary> traces;
        try (Workspace open = workspace.open()) {
            traces = new TraceQueries(open.dsl()).traces(model, limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.write(out, Map.of("traces", traces.stream().map(TracesCommand::asJson).toList()));
            return ExitCodes.OK;
        }
        if (traces.isEmpty()) {
            out.println(model == null ? "No traces yet. Import a file: tracedesk import FILE"
                    : "No trace has a span with model " + model + ".");
        } else {
            out.printf("%-20s %10s  %-6s %6s  %-34s %s%n", "STARTED (UTC)", "DURATION", "STATUS", "SPANS", "TRACE ID", "NAME  [MODELS]");
        }
        for (TraceSummary trace : traces) {
            out.printf("%-20s %10s  %-6s %6d  %-34s %s%s%n", DisplayValues.isoSecondsFromEpochNanos(trace.startNs()),
                    DisplayValues.duration(trace.durationNs()), trace.status(), trace.spanCount(), trace.traceId(),
                    DisplayValues.oneLine(trace.name(), 60),
                    trace.servedModels().isEmpty() ? "" : "  " + trace.servedModels());
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The documented shape, keys in this order. */
    static Map<String, Object> asJson(TraceSummary trace) {
        Map<String, Object> json = traceHeader(trace.traceId(), trace.name(), trace.startNs(), trace.durationNs(), trace.status());
        json.put("spanCount", trace.spanCount());
        json.put("servedModels", trace.servedModels());
        return json;
    }

    /** The fields a trace starts with in every JSON document: traces and trace show alike. */
    static Map<String, Object> traceHeader(String traceId, String name, Long startNs, Long durationNs, String status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("traceId", traceId);
        json.put("name", name);
        json.put("startedAt", DisplayValues.isoFromEpochNanos(startNs));
        json.put("durationMs", DisplayValues.millisFromNanos(durationNs));
        json.put("status", status);
        return json;
    }
}
