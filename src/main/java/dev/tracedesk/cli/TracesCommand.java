package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.tracedesk.search.LuceneSpanSearch;
import dev.tracedesk.search.SearchIndexLocation;
import dev.tracedesk.search.SearchQueryException;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.traces.ReviewMark;
import dev.tracedesk.traces.ReviewMarks;
import dev.tracedesk.traces.TraceListing;
import dev.tracedesk.traces.TraceQueries;
import dev.tracedesk.traces.TraceSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "traces", description = {"List traces, newest first, with their span count and the models that answered.",
        "--query searches prompts, outputs, messages and retrieved documents as 'tracedesk search' does;"
                + " the other options narrow the list further."})
public final class TracesCommand implements Callable<Integer> {

    @Mixin
    private WorkspaceOption workspace;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N traces (default ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--model", paramLabel = "M",
            description = "Only traces with a span whose served or requested model is M or starts with M.")
    private String model;

    @Option(names = "--query", paramLabel = "TEXT",
            description = "Only traces with a span matching this full-text query (syntax: tracedesk search --help).")
    private String query;

    @Option(names = "--prompt", paramLabel = "NAME[@VERSION]",
            description = "Only traces with a call of this prompt template (and version); @VERSION alone for templates without a name.")
    private String prompt;

    @Option(names = "--since", paramLabel = "T",
            description = "Only traces started at or after T: an ISO time (2026-11-01T09:00:00Z), a date (UTC), or an age: 30m, 24h, 7d.")
    private String since;

    @Option(names = "--json", description = "Print JSON only.")
    private boolean json;

    /** How many search hits narrow the list at most: the list shows traces, a few per hit. */
    private static final int QUERY_HITS = 10_000;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1, not " + limit + ".");
        }
        Long sinceNs = since == null ? null : SinceOption.epochNanos(since, spec.commandLine());
        String promptName = prompt == null ? null : prompt.split("@", 2)[0];
        String promptVersion = prompt == null || !prompt.contains("@") ? null : prompt.split("@", 2)[1];
        List<TraceSummary> traces;
        Map<Long, ReviewMark> marks;
        try (Workspace open = workspace.open()) {
            Set<Long> hits = query == null ? null : searchHits(open, query);
            traces = new TraceQueries(open.dsl()).traces(new TraceListing(model, promptName, promptVersion, sinceNs, hits, limit));
            marks = ReviewMarks.ofTraces(open.dsl(), traces.stream().map(TraceSummary::id).toList());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.write(out, Map.of("traces", traces.stream()
                    .map(trace -> asJson(trace, marks.getOrDefault(trace.id(), ReviewMark.NONE))).toList()));
            return ExitCodes.OK;
        }
        if (traces.isEmpty()) {
            boolean narrowed = model != null || query != null || prompt != null || since != null;
            out.println(narrowed ? "No trace matches." : "No traces yet. Import a file: tracedesk import FILE");
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

    private Set<Long> searchHits(Workspace open, String text) {
        try (LuceneSpanSearch search = LuceneSpanSearch.open(SearchIndexLocation.of(open.location(), System.getenv()), open.dsl())) {
            search.catchUp(new ConsoleProgress(spec.commandLine().getErr()));
            Set<Long> rowIds = new HashSet<>();
            search.search(text, QUERY_HITS).hits().forEach(hit -> rowIds.add(hit.spanRowId()));
            return rowIds;
        } catch (SearchQueryException unreadable) {
            throw new ParameterException(spec.commandLine(), unreadable.getMessage());
        }
    }

    /**
     * The documented shape, keys in this order. {@code flags}: how many review items point at the
     * trace's calls or eval cases; {@code verdict}: the worst verdict among them (fail, disputed,
     * unsure, open, pass), null when nothing was labeled — the Traces table's Flags and Verdict.
     */
    static Map<String, Object> asJson(TraceSummary trace, ReviewMark review) {
        Map<String, Object> json = traceHeader(trace.traceId(), trace.name(), trace.startNs(), trace.durationNs(), trace.status());
        json.put("spanCount", trace.spanCount());
        json.put("servedModels", trace.servedModels());
        json.put("flags", review.items());
        json.put("verdict", review.verdict() == null ? null : review.verdict().label());
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
