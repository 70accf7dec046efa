package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.tracedesk.store.calls.LlmCallFacts;
import dev.tracedesk.insights.CostProjection;
import dev.tracedesk.insights.ModelSwitch;
import dev.tracedesk.insights.MonthlyCost;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tracedesk insights projection}: a month's cost at N requests a day, and what a model switch would cost. */
@Command(name = "projection",
        description = {"What a month (30 days) of LLM calls costs per model and prompt version at N requests a day,"
                + " from the measured cost per request; N is split over the groups by their share of the calls in the range.",
            "The range widens to whole UTC hours, as in insights. The observed rate is the calls in the range divided by the days from the first to the last call start"
                    + " (at least one day).",
            "With --switch FROM=TO: what FROM's traffic would cost on TO, its average tokens per call priced with"
                    + " TO's row of the price table (see: tracedesk prices)."})
public final class InsightsProjectionCommand implements Callable<Integer> {

    @Mixin
    private WorkspaceOption workspace;

    @Mixin
    private TimeRangeOptions range;

    @Option(names = "--per-day", paramLabel = "N", description = "Requests per day to project. Default: the observed rate.")
    private Long perDay;

    @Option(names = "--switch", paramLabel = "FROM=TO",
            description = "Price moving the calls of model FROM (as insights --group-by model names it) to model TO.")
    private String switchSpec;

    @Option(names = "--json", description = "Print JSON only.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (perDay != null && perDay < 0) {
            throw new ParameterException(spec.commandLine(), "--per-day must be zero or more, not " + perDay + ".");
        }
        String[] fromTo = switchSpec == null ? null : parseSwitch(switchSpec);
        range.resolve(Instant.now(), spec.commandLine());
        CostProjection projection;
        try (Workspace open = workspace.open()) {
            new LlmCallFacts(open.dsl()).refresh();
            projection = CostProjection.observe(open.dsl(), range.effective().fromNs(), range.effective().toNs());
        }
        long requestsPerDay = perDay != null ? perDay : projection.observedRequestsPerDay();
        MonthlyCost month = projection.project(requestsPerDay);
        ModelSwitch modelSwitch = fromTo == null ? null : projection.switchTo(fromTo[0], fromTo[1], requestsPerDay);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("range", TimeRangeOptions.asJson(range.effective()));
            document.putAll(ProjectionJson.projection(projection, month));
            document.put("switch", modelSwitch == null ? null : ProjectionJson.modelSwitch(modelSwitch));
            JsonOutput.write(out, document);
        } else {
            ProjectionText.print(out, TimeRangeOptions.describe(range.effective()), projection, month, modelSwitch);
        }
        return ExitCodes.OK;
    }

    private String[] parseSwitch(String value) {
        int equals = value.indexOf('=');
        if (equals <= 0 || equals == value.length() - 1) {
            throw new ParameterException(spec.commandLine(), "--switch '" + value
                    + "' is not FROM=TO: give the model the calls use now and the one to price them with,"
                    + " e.g. --switch gpt-4o=gpt-4o-mini.");
        }
        return new String[] {value.substring(0, equals).trim(), value.substring(equals + 1).trim()};
    }
}
