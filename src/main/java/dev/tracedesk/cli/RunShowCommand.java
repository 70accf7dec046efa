package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.tracedesk.evals.EvalCaseDetail;
import dev.tracedesk.evals.EvalRunDetail;
import dev.tracedesk.evals.EvalRunQueries;
import dev.tracedesk.evals.EvalRunRef;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "show", description = "Show an eval run's cases: inputs, expected and actual output, status, assertions.")
public final class RunShowCommand implements Callable<Integer> {

    @Mixin
    private WorkspaceOption workspace;

    @Parameters(paramLabel = "RUN_ID", description = "The run id as the tool wrote it, or the workspace's numeric id (see: tracedesk runs).")
    private String runId;

    @Option(names = "--json", description = "Print JSON only.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        EvalRunDetail run;
        try (Workspace open = workspace.open()) {
            EvalRunQueries queries = new EvalRunQueries(open.dsl());
            long id = resolve(queries.findRuns(runId));
            run = queries.run(id).orElseThrow(this::unknownRun);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.write(out, asJson(run));
        } else {
            printCases(out, run);
        }
        return ExitCodes.OK;
    }

    private long resolve(List<EvalRunRef> matches) {
        if (matches.isEmpty()) {
            throw unknownRun();
        }
        if (matches.size() > 1) {
            String choices = matches.stream().map(match -> match.id() + " (" + match.tool() + ")")
                    .collect(Collectors.joining(", "));
            throw new ParameterException(spec.commandLine(), "Run id '" + runId + "' names " + matches.size()
                    + " runs of different tools: " + choices + ". Give the numeric id, e.g. tracedesk run show "
                    + matches.get(0).id() + ".");
        }
        return matches.get(0).id();
    }

    private ParameterException unknownRun() {
        return new ParameterException(spec.commandLine(), "No eval run '" + runId + "' in this workspace (see: tracedesk runs).");
    }

    /** The documented shape, keys in this order. */
    static Map<String, Object> asJson(EvalRunDetail run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runId", run.runId());
        json.put("id", run.id());
        json.put("tool", run.tool());
        json.put("name", run.name());
        json.put("startedAt", DisplayValues.iso(run.startedAt()));
        json.put("dataset", run.dataset());
        json.put("cases", run.cases().stream().map(RunShowCommand::asJson).toList());
        return json;
    }

    private static Map<String, Object> asJson(EvalCaseDetail evalCase) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("caseKey", evalCase.caseKey());
        // The store keeps '' for "no provider" (it is part of the natural key); for readers it is none.
        json.put("provider", evalCase.provider() == null || evalCase.provider().isEmpty() ? null : evalCase.provider());
        json.put("description", evalCase.description());
        json.put("vars", DisplayValues.storedJson(evalCase.varsJson()));
        json.put("prompt", evalCase.prompt());
        json.put("expected", evalCase.expected());
        json.put("output", evalCase.output());
        json.put("status", DisplayValues.lowerCase(evalCase.status()));
        json.put("score", evalCase.score());
        json.put("latencyMs", evalCase.latencyMs());
        json.put("cost", DisplayValues.plain(evalCase.costUsd()));
        JsonNode assertions = DisplayValues.storedJson(evalCase.assertionsJson());
        json.put("assertions", assertions == null ? JsonNodeFactory.instance.arrayNode() : assertions);
        json.put("traceId", evalCase.traceId());
        json.put("datasetItemKey", evalCase.datasetItemKey());
        return json;
    }

    private static void printCases(PrintWriter out, EvalRunDetail run) {
        out.printf("Run %s  (%s, id %d)  %s%n", run.runId(), run.tool(), run.id(), run.name() == null ? "" : run.name());
        long passed = run.cases().stream().filter(c -> "PASS".equals(c.status())).count();
        out.printf("started %s   %d cases, %d passed%s%n%n", run.startedAt() == null ? "?" : DisplayValues.iso(run.startedAt()),
                run.cases().size(), passed, run.dataset() == null ? "" : "   dataset " + run.dataset());
        for (EvalCaseDetail evalCase : run.cases()) {
            out.printf("%-5s %-16s %-28s %s%s%s%n", evalCase.status(), DisplayValues.oneLine(evalCase.caseKey(), 16),
                    DisplayValues.oneLine(evalCase.provider(), 28),
                    evalCase.score() == null ? "" : "score " + evalCase.score() + "  ",
                    evalCase.latencyMs() == null ? "" : evalCase.latencyMs() + " ms  ",
                    DisplayValues.oneLine(evalCase.description() != null ? evalCase.description() : evalCase.varsJson(), 60));
            if (!"PASS".equals(evalCase.status())) {
                if (evalCase.output() != null) {
                    out.printf("      output: %s%n", DisplayValues.oneLine(evalCase.output(), 100));
                }
                if (evalCase.errorMessage() != null) {
                    out.printf("      error: %s%n", DisplayValues.oneLine(evalCase.errorMessage(), 100));
                }
                printFailedAssertions(out, DisplayValues.storedJson(evalCase.assertionsJson()));
            }
            if (evalCase.traceId() != null) {
                out.printf("      trace: tracedesk trace show %s%n", evalCase.traceId());
            }
            if (evalCase.datasetItemKey() != null) {
                out.printf("      item: %s%n", evalCase.datasetItemKey());
            }
        }
        out.flush();
    }

    private static void printFailedAssertions(PrintWriter out, JsonNode assertions) {
        if (assertions == null || !assertions.isArray()) {
            return;
        }
        for (JsonNode assertion : assertions) {
            if (assertion.path("pass").isBoolean() && !assertion.path("pass").asBoolean()) {
                out.printf("      ✗ %s: %s%n", assertion.path("type").asText("?"),
                        DisplayValues.oneLine(assertion.path("reason").asText(""), 100));
            }
        }
    }
}
