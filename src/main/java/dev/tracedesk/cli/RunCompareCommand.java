package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import dev.tracedesk.evals.EvalRunQueries;
import dev.tracedesk.evals.EvalRunRef;
import dev.tracedesk.evals.compare.Blame;
import dev.tracedesk.evals.compare.CaseOutcome;
import dev.tracedesk.evals.compare.CasePair;
import dev.tracedesk.evals.compare.ComparisonResult;
import dev.tracedesk.evals.compare.FlippedAssertion;
import dev.tracedesk.evals.compare.ProviderComparison;
import dev.tracedesk.evals.compare.RegressionBlame;
import dev.tracedesk.evals.compare.RegressionsToReview;
import dev.tracedesk.evals.compare.RunComparison;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tracedesk runs compare BASE OTHER}: for CI. Per provider, the cases that regressed,
 * improved, still fail, errored in both, are new or were removed; exit 4 when anything regressed.
 */
@Command(name = "compare", description = "Compare an eval run with a baseline, case by case; exit 4 when a case regressed.")
public final class RunCompareCommand implements Callable<Integer> {

    /** The JSON lists, in the documented order, and the outcome each holds. */
    private static final Map<String, CaseOutcome> JSON_LISTS = jsonLists();

    @Mixin
    private WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "BASE_RUN", description = "The baseline: the tool's run id or the workspace's numeric id (see: tracedesk runs).")
    private String baselineId;

    @Parameters(index = "1", paramLabel = "OTHER_RUN", description = "The run compared with it.")
    private String otherId;

    @Option(names = "--json", description = "Print JSON only.")
    private boolean json;

    @Option(names = "--blame", description = "Under each regression, everything that differs from the baseline: prompt and output as word diffs, model, parameters, documents, tokens, latency, cost.")
    private boolean fullBlame;

    @Option(names = "--send-to-review", description = "Put the regressed cases into the review queue \"Regressions vs <baseline>\".")
    private boolean sendToReview;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        ComparisonResult comparison;
        List<Blame> blames;
        RegressionsToReview.Sent sent = null;
        try (Workspace open = workspace.open()) {
            EvalRunQueries runs = new EvalRunQueries(open.dsl());
            long baseline = resolve(baselineId, runs.findRuns(baselineId));
            long other = resolve(otherId, runs.findRuns(otherId));
            comparison = new RunComparison(open.dsl()).compare(baseline, other);
            // JSON lists cases only; blame reads each side's trace, so it is read only for the text
            RegressionBlame blame = new RegressionBlame(open.dsl());
            blames = json && !fullBlame ? List.of()
                    : comparison.pairs(CaseOutcome.REGRESSED).stream().map(pair -> blame.blame(comparison, pair)).toList();
            if (sendToReview) {
                sent = new RegressionsToReview(open.dsl(), Clock.systemUTC()).send(comparison);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> document = asJson(comparison, blames);
            if (sent != null) {
                document.put("review", Map.of("queue", sent.queueName(), "added", sent.added()));
            }
            JsonOutput.write(out, document);
        } else {
            printText(out, comparison, blames, fullBlame, sent);
        }
        return comparison.hasRegressions() ? ExitCodes.REGRESSIONS : ExitCodes.OK;
    }

    private long resolve(String given, List<EvalRunRef> matches) {
        if (matches.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "No eval run '" + given + "' in this workspace (see: tracedesk runs).");
        }
        if (matches.size() > 1) {
            String choices = matches.stream().map(match -> match.id() + " (" + match.tool() + ")")
                    .collect(Collectors.joining(", "));
            throw new ParameterException(spec.commandLine(), "Run id '" + given + "' names " + matches.size()
                    + " runs of different tools: " + choices + ". Give the numeric id.");
        }
        return matches.get(0).id();
    }

    /** The documented shape, keys in this order; a regression with a blame given carries it as "blame". */
    static Map<String, Object> asJson(ComparisonResult comparison, List<Blame> blames) {
        // the pairs are the comparison's own instances: identity finds a regression's blame
        Map<CasePair, Blame> blameOf = new IdentityHashMap<>();
        blames.forEach(blame -> blameOf.put(blame.pair(), blame));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("baseline", comparison.baseline().id());
        json.put("other", comparison.other().id());
        json.put("providers", comparison.providers().stream().map(provider -> asJson(provider, blameOf)).toList());
        return json;
    }

    private static Map<String, Object> asJson(ProviderComparison provider, Map<CasePair, Blame> blameOf) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("provider", provider.provider().isEmpty() ? null : provider.provider());
        JSON_LISTS.forEach((key, outcome) -> json.put(key, provider.pairs(outcome).stream().map(pair -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("caseKey", pair.caseKey());
            entry.put("description", pair.description());
            entry.put("vars", DisplayValues.storedJson(pair.varsJson()));
            if (blameOf.containsKey(pair)) {
                entry.put("blame", asJson(blameOf.get(pair)));
            }
            return entry;
        }).toList()));
        return json;
    }

    /** {"summary", "changed": [{aspect, baseline, other}]}: the blame a regression entry carries with --blame. */
    private static Map<String, Object> asJson(Blame blame) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("summary", blame.summary());
        json.put("changed", blame.changed().stream().map(item -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("aspect", item.aspect().label());
            entry.put("baseline", item.baseline());
            entry.put("other", item.other());
            return entry;
        }).toList());
        return json;
    }

    private static Map<String, CaseOutcome> jsonLists() {
        Map<String, CaseOutcome> lists = new LinkedHashMap<>();
        lists.put("regressions", CaseOutcome.REGRESSED);
        lists.put("improvements", CaseOutcome.IMPROVED);
        lists.put("stillFailing", CaseOutcome.STILL_FAILING);
        lists.put("erroredInBoth", CaseOutcome.ERRORED_IN_BOTH);
        lists.put("new", CaseOutcome.NEW);
        lists.put("removed", CaseOutcome.REMOVED);
        return lists;
    }

    private static void printText(PrintWriter out, ComparisonResult comparison, List<Blame> blames, boolean fullBlame,
                                  RegressionsToReview.Sent sent) {
        out.printf("Baseline  %s  (%s, id %d)%n", comparison.baseline().label(), comparison.baseline().runId(),
                comparison.baseline().id());
        out.printf("Compared  %s  (%s, id %d)%n%n", comparison.other().label(), comparison.other().runId(),
                comparison.other().id());
        out.printf("%-32s %9s %8s %13s %15s %9s %4s %7s%n", "PROVIDER", "REGRESSED", "IMPROVED", "STILL FAILING",
                "ERRORED IN BOTH", "UNCHANGED", "NEW", "REMOVED");
        for (ProviderComparison provider : comparison.providers()) {
            printCounts(out, DisplayValues.oneLine(provider.provider().isEmpty() ? "(no provider)" : provider.provider(), 32),
                    provider.counts());
        }
        if (comparison.providers().size() > 1) {
            printCounts(out, "all providers", comparison.counts());
        }
        if (!blames.isEmpty()) {
            out.printf("%nRegressed:%n");
        }
        for (Blame blame : blames) {
            CasePair pair = blame.pair();
            out.printf("  %-28s %-30s %s → %s%n", DisplayValues.oneLine(pair.provider(), 28),
                    DisplayValues.oneLine(pair.description() != null ? pair.description() : pair.caseKey(), 30),
                    pair.baseline().status().toLowerCase(java.util.Locale.ROOT),
                    pair.other().status().toLowerCase(java.util.Locale.ROOT));
            for (FlippedAssertion flipped : pair.flippedAssertions()) {
                out.printf("      ✗ %s%s: %s  (was: %s)%n", flipped.type(),
                        flipped.value() == null ? "" : " \"" + DisplayValues.oneLine(flipped.value(), 40) + "\"",
                        DisplayValues.oneLine(String.valueOf(flipped.otherReason()), 90),
                        DisplayValues.oneLine(String.valueOf(flipped.baselineReason()), 40));
            }
            if (pair.flippedAssertions().isEmpty() && pair.other().errorMessage() != null) {
                out.printf("      error: %s%n", DisplayValues.oneLine(pair.other().errorMessage(), 100));
            }
            out.printf("      blame: %s%n", blame.summary());
            if (fullBlame) {
                BlameText.print(out, blame);
            }
        }
        int regressed = comparison.counts().get(CaseOutcome.REGRESSED);
        out.printf("%n%s%n", regressed == 0 ? "No regressions." : regressed + " regression" + (regressed == 1 ? "." : "s."));
        if (sent != null) {
            out.printf("Sent %d regression%s to review queue \"%s\" (%d new to it).%n", sent.regressions(),
                    sent.regressions() == 1 ? "" : "s", sent.queueName(), sent.added());
        }
        out.flush();
    }

    private static void printCounts(PrintWriter out, String label, Map<CaseOutcome, Integer> counts) {
        out.printf("%-32s %9d %8d %13d %15d %9d %4d %7d%n", label, counts.get(CaseOutcome.REGRESSED),
                counts.get(CaseOutcome.IMPROVED), counts.get(CaseOutcome.STILL_FAILING),
                counts.get(CaseOutcome.ERRORED_IN_BOTH), counts.get(CaseOutcome.UNCHANGED), counts.get(CaseOutcome.NEW),
                counts.get(CaseOutcome.REMOVED));
    }
}
