package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import dev.tracedesk.core.model.CallGrouping;
import dev.tracedesk.store.calls.LlmCallFacts;
import dev.tracedesk.insights.GroupStats;
import dev.tracedesk.insights.InsightsQueries;
import dev.tracedesk.insights.InsightsQuery;
import dev.tracedesk.insights.LoadLevel;
import dev.tracedesk.insights.PercentileMethod;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tracedesk insights}: the Insights dashboard's figures per group of LLM calls, and how
 * latency changes with the number of calls in flight. {@code insights projection} forecasts cost.
 */
// "5,000" is InsightsQueries.EXACT_LIMIT; picocli formats descriptions, hence %% for a percent sign.
@Command(name = "insights", subcommands = InsightsProjectionCommand.class,
        description = {"Requests, errors, latency, tokens and cost of the LLM calls, per model, provider, prompt"
                + " version or route; and latency per model by the number of other calls in flight when a call started.",
            "Ranges widen to whole UTC hours (the output gives the effective range). Latency percentiles, in ms, are the"
                    + " nearest rank (the value at rank ⌈p·n⌉); over more than 5,000 calls, the nearest rank over"
                    + " 5%% latency buckets (within 2.5%%). The output says which.",
            "costUsd is what the source reported; costEstimatedUsd what the price table estimated where none was"
                    + " reported (see: tracedesk prices); costPerRequestUsd divides their sum by the calls that have a cost."})
public final class InsightsCommand implements Callable<Integer> {

    @Mixin
    private WorkspaceOption workspace;

    @Mixin
    private TimeRangeOptions range;

    @Option(names = "--group-by", paramLabel = "GROUPING", defaultValue = "model",
            description = "model (served, else requested), provider, prompt (name@version), route (the trace's name)"
                    + " or none. Default: ${DEFAULT-VALUE}.")
    private String groupBy;

    @Option(names = "--json", description = "Print JSON only.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        CallGrouping grouping = CallGrouping.parse(groupBy).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--group-by '" + groupBy + "' is not a grouping: give one of " + Arrays.stream(CallGrouping.values())
                        .map(CallGrouping::cliName).collect(Collectors.joining(", ")) + "."));
        range.resolve(Instant.now(), spec.commandLine());
        InsightsQuery query = new InsightsQuery(range.fromNs(), range.toNs(), grouping);
        List<GroupStats> groups;
        List<LoadLevel> load;
        PercentileMethod method;
        try (Workspace open = workspace.open()) {
            // llm_call is derived data; an import normally refreshes it, but a workspace filled another way may lag
            new LlmCallFacts(open.dsl()).refresh();
            InsightsQueries queries = new InsightsQueries(open.dsl());
            method = queries.percentileMethod(query);
            groups = queries.groups(query);
            load = queries.byConcurrency(query);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.write(out, asJson(query.wholeHours(), method, groups, load));
        } else {
            InsightsText.print(out, TimeRangeOptions.describe(query.wholeHours()), method, grouping, groups, load);
        }
        return ExitCodes.OK;
    }

    /** The documented shape, keys in this order. */
    static Map<String, Object> asJson(InsightsQuery effective, PercentileMethod method, List<GroupStats> groups,
                                      List<LoadLevel> load) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("range", TimeRangeOptions.asJson(effective));
        json.put("groupBy", effective.grouping().cliName());
        json.put("percentiles", method.description());
        json.put("groups", groups.stream().map(InsightsJson::group).toList());
        json.put("byConcurrency", load.stream().map(InsightsJson::loadLevel).toList());
        return json;
    }
}
