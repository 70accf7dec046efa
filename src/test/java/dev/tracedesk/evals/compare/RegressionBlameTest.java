package dev.tracedesk.evals.compare;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.EVAL_RUN;
import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.SPAN_CONTENT;
import static dev.tracedesk.store.generated.Tables.TRACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.evals.compare.BlameItem.Aspect;
import dev.tracedesk.review.TextDiff;
import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.store.TestDatabases;
import dev.tracedesk.store.content.ContentJson;
import dev.tracedesk.store.content.StoredDocument;

class RegressionBlameTest {

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void withoutATraceBlameShowsThePromptVersionsAndTheirTextDiffFromTheEvalFile(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            PromptVersionRuns.Imported runs = PromptVersionRuns.importBoth(workspace.dsl());
            ComparisonResult comparison = new RunComparison(workspace.dsl()).compare(runs.v1(), runs.v2());
            RegressionBlame blamer = new RegressionBlame(workspace.dsl());

            for (CasePair regressed : comparison.pairs(CaseOutcome.REGRESSED)) {
                Blame blame = blamer.blame(comparison, regressed);

                assertThat(blame.baseline().source()).isEqualTo(CallFacts.Source.EVAL_FILE);
                assertThat(blame.item(Aspect.PROMPT_TEMPLATE).orElseThrow())
                        .extracting(BlameItem::baseline, BlameItem::other, BlameItem::changed)
                        .containsExactly("capital-v1", "capital-v2", true);
                assertThat(blame.summary()).isEqualTo("prompt capital-v1 → capital-v2; model same");
                assertThat(blame.item(Aspect.MODEL).orElseThrow().baseline()).isEqualTo(regressed.provider());
                assertThat(blame.item(Aspect.PARAMETERS).orElseThrow().changed()).as("same temperature and max_tokens").isFalse();
                assertThat(blame.item(Aspect.OUTPUT).orElseThrow().changed()).isTrue();
            }
            CasePair france = comparison.pairs(CaseOutcome.REGRESSED).stream()
                    .filter(pair -> "France".equals(pair.description())).findFirst().orElseThrow();
            Blame blame = blamer.blame(comparison, france);
            BlameItem template = blame.item(Aspect.TEMPLATE_TEXT).orElseThrow();
            assertThat(template.baseline()).isEqualTo("What is the capital of {{country}}? Answer with the city name only.");
            assertThat(template.other()).isEqualTo(
                    "You are a geography tutor. In one short sentence, tell the student the capital of {{country}}.");
            assertThat(changed(template.diff(), TextDiff.Change.REMOVED)).contains("Answer with the city name only.");
            assertThat(changed(template.diff(), TextDiff.Change.ADDED)).contains("You are a geography tutor.");
            assertThat(blame.item(Aspect.PROMPT_TEXT).orElseThrow().baseline())
                    .isEqualTo("What is the capital of France? Answer with the city name only.");
            assertThat(blame.item(Aspect.PARAMETERS).orElseThrow().baseline()).isEqualTo("max_tokens=60, temperature=0");
            assertThat(blame.item(Aspect.TOKENS).orElseThrow().baseline()).isEqualTo("23 in, 2 out, 25 total");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void withLinkedTracesBlameComesFromTheCallsProvenance(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            DSLContext dsl = workspace.dsl();
            long before = linkedRun(dsl, "base", "PASS", "support", "3", "gpt-4o-2024-08-06", "{\"temperature\":0}",
                    List.of(document(0, "kb-refunds", 0.91), document(1, "kb-shipping", 0.55)), "Refunds within 30 days.");
            long after = linkedRun(dsl, "next", "FAIL", "support", "4", "gpt-4o-2024-11-20", "{\"temperature\":0.7}",
                    List.of(document(0, "kb-shipping", 0.80), document(1, "kb-returns", 0.42)), "Ask the shop.");
            ComparisonResult comparison = new RunComparison(dsl).compare(before, after);

            Blame blame = new RegressionBlame(dsl).blame(comparison, comparison.pairs(CaseOutcome.REGRESSED).get(0));

            assertThat(blame.baseline().source()).isEqualTo(CallFacts.Source.TRACE);
            assertThat(blame.summary()).isEqualTo("prompt support@3 → support@4; model gpt-4o-2024-08-06 → gpt-4o-2024-11-20; "
                    + "parameters temperature=0 → temperature=0.7; documents 1 added, 1 removed, 1 re-ranked");
            DocumentChanges documents = blame.item(Aspect.DOCUMENTS).orElseThrow().documents();
            assertThat(documents.added()).containsExactly(new CallFacts.RetrievedDocument("kb-returns", 1, 0.42));
            assertThat(documents.removed()).containsExactly(new CallFacts.RetrievedDocument("kb-refunds", 0, 0.91));
            assertThat(documents.reranked()).containsExactly(new DocumentChanges.Reranked("kb-shipping", 1, 0.55, 0, 0.80));
            assertThat(blame.item(Aspect.TEMPLATE_TEXT).orElseThrow().other()).isEqualTo("Answer as support v4: {{q}}");
            assertThat(blame.item(Aspect.TOKENS).orElseThrow()).extracting(BlameItem::baseline, BlameItem::other)
                    .containsExactly("100 in, 10 out, 110 total", "100 in, 10 out, 110 total");
            assertThat(blame.item(Aspect.LATENCY).orElseThrow().baseline()).isEqualTo("1200 ms");
            assertThat(blame.item(Aspect.COST).orElseThrow().changed()).isFalse();
            assertThat(blame.item(Aspect.OUTPUT).orElseThrow().other()).isEqualTo("Ask the shop.");
        }
    }

    @Test
    void aCaseLinkedToATraceButNoCallIsBlamedFromTheTracesLlmCall() {
        try (EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir)) {
            DSLContext dsl = workspace.dsl();
            long before = linkedRun(dsl, "base", "PASS", "support", "3", "gpt-4o-2024-08-06", "{}", List.of(), "Yes.");
            long after = linkedRun(dsl, "next", "ERROR", "support", "3", "gpt-4o-2024-08-06", "{}", List.of(), "No.");
            dsl.update(EVAL_CASE).setNull(EVAL_CASE.SPAN_ID).execute();
            ComparisonResult comparison = new RunComparison(dsl).compare(before, after);

            Blame blame = new RegressionBlame(dsl).blame(comparison, comparison.pairs(CaseOutcome.REGRESSED).get(0));

            assertThat(blame.other().source()).isEqualTo(CallFacts.Source.TRACE);
            assertThat(blame.other().promptLabel()).isEqualTo("support@3");
            assertThat(blame.summary()).isEqualTo("prompt same; model same");
            assertThat(blame.changed()).extracting(BlameItem::aspect).containsExactly(Aspect.OUTPUT);
        }
    }

    @Test
    void aCaseInOneRunOnlyHasNothingToBlame() {
        try (EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir)) {
            ComparisonResult empty = new ComparisonResult(new ComparedRun(1, "a", "promptfoo", null, null, null),
                    new ComparedRun(2, "b", "promptfoo", null, null, null), List.of());
            CasePair added = new CasePair("v:x", "p", CaseOutcome.NEW, null,
                    new ComparedCase(1, "v:x", "p", "", 0, null, null, null, null, "FAIL", null, null, null, null, null,
                            null, null, null, null, null), List.of());

            assertThatThrownBy(() -> new RegressionBlame(workspace.dsl()).blame(empty, added))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one run only");
        }
    }

    private static String changed(List<TextDiff.Run> diff, TextDiff.Change change) {
        return diff.stream().filter(run -> run.change() == change).map(TextDiff.Run::text).reduce("", String::concat);
    }

    private static StoredDocument document(int rank, String id, double score) {
        return new StoredDocument(rank, id, score, "text of " + id, null, null);
    }

    /** A run of one case whose LLM call (and the retriever before it) is in a linked trace. */
    private static long linkedRun(DSLContext dsl, String runId, String status, String template, String version,
                                  String model, String parameters, List<StoredDocument> documents, String answer) {
        long trace = dsl.insertInto(TRACE).set(TRACE.EXTERNAL_TRACE_ID, "trace-" + runId).set(TRACE.SOURCE_SYSTEM, "otlp")
                .set(TRACE.STATUS, "OK").returningResult(TRACE.ID).fetchOne().value1();
        long retriever = span(dsl, trace, "retrieve-" + runId, "RETRIEVER", 1L, null, null, null);
        dsl.insertInto(SPAN_CONTENT).set(SPAN_CONTENT.SPAN_ID, retriever)
                .set(SPAN_CONTENT.DOCUMENTS_JSON, ContentJson.documents(documents)).execute();
        long call = span(dsl, trace, "llm-" + runId, "LLM", 2L, template, version, model);
        dsl.insertInto(SPAN_CONTENT).set(SPAN_CONTENT.SPAN_ID, call).set(SPAN_CONTENT.PARAMETERS_JSON, parameters)
                .set(SPAN_CONTENT.PROMPT_TEMPLATE_TEXT, "Answer as " + template + " v" + version + ": {{q}}")
                .set(SPAN_CONTENT.OUTPUT_TEXT, answer).execute();
        long run = dsl.insertInto(EVAL_RUN).set(EVAL_RUN.TOOL, "promptfoo").set(EVAL_RUN.EXTERNAL_RUN_ID, runId)
                .returningResult(EVAL_RUN.ID).fetchOne().value1();
        dsl.insertInto(EVAL_CASE).set(EVAL_CASE.EVAL_RUN_ID, run).set(EVAL_CASE.CASE_KEY, "v:refund")
                .set(EVAL_CASE.PROVIDER, "openai:gpt-4o").set(EVAL_CASE.PROMPT_LABEL, "").set(EVAL_CASE.STATUS, status)
                .set(EVAL_CASE.PROMPT_TEXT, "Answer: can I get a refund?").set(EVAL_CASE.ACTUAL_OUTPUT, answer)
                .set(EVAL_CASE.TRACE_ID, trace).set(EVAL_CASE.SPAN_ID, call).execute();
        return run;
    }

    private static long span(DSLContext dsl, long trace, String id, String kind, long startNs, String template,
                             String version, String model) {
        return dsl.insertInto(SPAN).set(SPAN.TRACE_ID, trace).set(SPAN.EXTERNAL_SPAN_ID, id).set(SPAN.KIND, kind)
                .set(SPAN.NAME, id).set(SPAN.STATUS, "OK").set(SPAN.START_NS, startNs)
                .set(SPAN.DURATION_NS, 1_200_000_000L).set(SPAN.PROMPT_TEMPLATE_NAME, template)
                .set(SPAN.PROMPT_TEMPLATE_VERSION, version).set(SPAN.SERVED_MODEL, model)
                .set(SPAN.INPUT_TOKENS, model == null ? null : 100L).set(SPAN.OUTPUT_TOKENS, model == null ? null : 10L)
                .set(SPAN.TOTAL_TOKENS, model == null ? null : 110L)
                .set(SPAN.COST_USD, model == null ? null : new BigDecimal("0.0011"))
                .returningResult(SPAN.ID).fetchOne().value1();
    }
}
