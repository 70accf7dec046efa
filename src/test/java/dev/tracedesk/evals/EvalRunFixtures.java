package dev.tracedesk.evals;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.EVAL_RUN;
import static dev.tracedesk.store.generated.Tables.TRACE;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jooq.DSLContext;

/**
 * Three eval runs written straight into the store:
 * <ul>
 *   <li>promptfoo {@code eval-2024-05-01} ("refund prompt v2", 2024-05-01T12:00Z, providers listed
 *       in the run): four cases over two tests and two providers — two pass, one fails, one
 *       errors; the first is linked to trace {@code t-linked};</li>
 *   <li>inspect {@code shared-id} (2024-04-01T08:30Z, no provider list): three cases, two providers;</li>
 *   <li>openai-evals {@code shared-id} (no start time): no cases.</li>
 * </ul>
 * Cases go in out of test order on purpose, so the order comes from the query.
 */
public final class EvalRunFixtures {

    /** The workspace ids the seed got. */
    public record Seeded(long promptfooRun, long inspectRun, long openAiRun) {
    }

    private EvalRunFixtures() {
    }

    public static Seeded seed(DSLContext dsl) {
        long linkedTrace = dsl.insertInto(TRACE).set(TRACE.EXTERNAL_TRACE_ID, "t-linked").set(TRACE.SOURCE_SYSTEM, "otlp")
                .set(TRACE.STATUS, "OK").returningResult(TRACE.ID).fetchOne().value1();

        long promptfoo = run(dsl, "promptfoo", "eval-2024-05-01", "refund prompt v2",
                OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 0, ZoneOffset.UTC), "[\"openai:gpt-4o-mini\",\"openai:gpt-4o\"]");
        evalCase(dsl, promptfoo, "k-shipping", "openai:gpt-4o", 1, "PASS", 1.0, 390L, "0.00020", null, null);
        long linked = evalCase(dsl, promptfoo, "k-refund", "openai:gpt-4o-mini", 0, "PASS", 1.0, 420L, "0.0001200000",
                "[{\"type\":\"contains\",\"value\":\"30 days\",\"pass\":true,\"score\":1,\"reason\":\"Assertion passed\"}]", null);
        evalCase(dsl, promptfoo, "k-refund", "openai:gpt-4o", 0, "FAIL", 0.0, 510L, "0.0009",
                "[{\"type\":\"contains\",\"value\":\"30 days\",\"pass\":false,\"score\":0,"
                        + "\"reason\":\"Expected output to contain \\\"30 days\\\"\"}]", null);
        evalCase(dsl, promptfoo, "k-shipping", "openai:gpt-4o-mini", 1, "ERROR", null, null, null, null, "429 Too Many Requests");
        dsl.update(EVAL_CASE).set(EVAL_CASE.TRACE_ID, linkedTrace)
                .set(EVAL_CASE.DESCRIPTION, "refund window")
                .set(EVAL_CASE.VARS_JSON, "{\"question\":\"Can I get a refund?\"}")
                .set(EVAL_CASE.PROMPT_TEXT, "Answer briefly: Can I get a refund?")
                .set(EVAL_CASE.EXPECTED_OUTPUT, "30 days")
                .set(EVAL_CASE.ACTUAL_OUTPUT, "Refunds are accepted within 30 days.")
                .where(EVAL_CASE.ID.eq(linked)).execute();

        long inspect = run(dsl, "inspect", "shared-id", "math",
                OffsetDateTime.of(2024, 4, 1, 8, 30, 0, 0, ZoneOffset.UTC), null);
        evalCase(dsl, inspect, "m-1", "openai/gpt-4o", 0, "FAIL", 0.0, null, null, null, null);
        evalCase(dsl, inspect, "m-1", "anthropic/claude-3-5-sonnet", 0, "PASS", 1.0, null, null, null, null);
        evalCase(dsl, inspect, "m-2", "openai/gpt-4o", 1, "PASS", 1.0, null, null, null, null);

        long openAi = run(dsl, "openai-evals", "shared-id", "match", null, null);
        return new Seeded(promptfoo, inspect, openAi);
    }

    private static long run(DSLContext dsl, String tool, String runId, String name, OffsetDateTime startedAt,
                            String providersJson) {
        return dsl.insertInto(EVAL_RUN)
                .set(EVAL_RUN.TOOL, tool)
                .set(EVAL_RUN.EXTERNAL_RUN_ID, runId)
                .set(EVAL_RUN.NAME, name)
                .set(EVAL_RUN.STARTED_AT, startedAt)
                .set(EVAL_RUN.PROVIDERS_JSON, providersJson)
                .returningResult(EVAL_RUN.ID).fetchOne().value1();
    }

    private static long evalCase(DSLContext dsl, long runId, String caseKey, String provider, int testIndex, String status,
                                 Double score, Long latencyMs, String costUsd, String assertionsJson, String errorMessage) {
        return dsl.insertInto(EVAL_CASE)
                .set(EVAL_CASE.EVAL_RUN_ID, runId)
                .set(EVAL_CASE.CASE_KEY, caseKey)
                .set(EVAL_CASE.PROVIDER, provider)
                .set(EVAL_CASE.PROMPT_LABEL, "")
                .set(EVAL_CASE.TEST_INDEX, testIndex)
                .set(EVAL_CASE.STATUS, status)
                .set(EVAL_CASE.SCORE, score)
                .set(EVAL_CASE.LATENCY_MS, latencyMs)
                .set(EVAL_CASE.COST_USD, costUsd == null ? null : new BigDecimal(costUsd))
                .set(EVAL_CASE.ASSERTIONS_JSON, assertionsJson)
                .set(EVAL_CASE.ERROR_MESSAGE, errorMessage)
                .returningResult(EVAL_CASE.ID).fetchOne().value1();
    }
}
