package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.stats.WorkspaceStatsQueries;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "stats", description = "Count what the workspace holds (creates an empty workspace if there is none).")
public final class StatsCommand implements Callable<Integer> {

    @Mixin
    private WorkspaceOption workspace;

    @Option(names = "--json", description = "Print JSON only.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        WorkspaceStats stats;
        try (Workspace open = workspace.open()) {
            stats = new WorkspaceStatsQueries(open.dsl()).load();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.write(out, asJson(stats));
        } else {
            printTable(out, workspace.location().displayName(), stats);
        }
        return ExitCodes.OK;
    }

    /** The documented shape, keys in this order: scripts and CI parse it. */
    static Map<String, Object> asJson(WorkspaceStats stats) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (SpanKind kind : SpanKind.values()) {
            byKind.put(kind.name(), stats.spansByKind().getOrDefault(kind, 0L));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("traces", stats.traces());
        json.put("spans", stats.spans());
        json.put("spansByKind", byKind);
        json.put("evalRuns", stats.evalRuns());
        json.put("evalCases", stats.evalCases());
        json.put("reviewItems", stats.reviewItems());
        json.put("labels", stats.labels());
        json.put("datasets", stats.datasets());
        json.put("imports", stats.imports());
        json.put("rejectedRecords", stats.rejectedRecords());
        return json;
    }

    private static void printTable(PrintWriter out, String where, WorkspaceStats stats) {
        out.printf("Workspace  %s%n", where);
        row(out, "Traces", stats.traces());
        row(out, "Spans", stats.spans());
        for (SpanKind kind : SpanKind.values()) {
            long count = stats.spansByKind().getOrDefault(kind, 0L);
            if (count > 0) {
                out.printf("  %-18s %,12d%n", kind.name(), count);
            }
        }
        row(out, "Eval runs", stats.evalRuns());
        row(out, "Eval cases", stats.evalCases());
        row(out, "Review items", stats.reviewItems());
        row(out, "Labels", stats.labels());
        row(out, "Datasets", stats.datasets());
        row(out, "Imports", stats.imports());
        row(out, "Rejected records", stats.rejectedRecords());
        out.flush();
    }

    private static void row(PrintWriter out, String name, long value) {
        out.printf("%-20s %,12d%n", name, value);
    }
}
