package dev.tracedesk.ingest.promptfoo;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.core.model.CaseStatus;
import dev.tracedesk.core.model.CheckSource;
import dev.tracedesk.core.model.DatasetLinkKeys;
import dev.tracedesk.ingest.model.CanonicalCheck;
import dev.tracedesk.ingest.model.CanonicalEvalCase;
import dev.tracedesk.ingest.model.DatasetRef;
import dev.tracedesk.ingest.source.JsonValues;

/**
 * One promptfoo {@code EvaluateResult} (an element of {@code results.results}, or a line of the
 * JSONL output) to one canonical eval case. Field by field, see the comments on each.
 */
final class PromptfooResultMapper {

    /** promptfoo's ResultFailureReason.ERROR: the provider call (or the grading) failed. */
    private static final int FAILURE_REASON_ERROR = 2;
    /** What promptfoo writes in place of a value it takes for a secret. */
    private static final String REDACTED = "[REDACTED]";
    private static final Pattern TRACEPARENT = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$");

    private final PromptTemplates templates;
    private final CaseKeyAssigner keys;

    PromptfooResultMapper(PromptTemplates templates, CaseKeyAssigner keys) {
        this.templates = templates;
        this.keys = keys;
    }

    /** True when the object has at least one of the fields every promptfoo result has. */
    static boolean looksLikeResult(JsonNode node) {
        return node.isObject() && (node.has("provider") || node.has("prompt") || node.has("response")
                || node.has("success") || node.has("gradingResult") || node.has("testCase"));
    }

    CanonicalEvalCase map(JsonNode result) {
        CanonicalEvalCase evalCase = new CanonicalEvalCase();
        JsonNode testCase = result.path("testCase");
        JsonNode vars = JsonValues.present(testCase.get("vars")) ? testCase.get("vars") : result.get("vars");
        JsonNode gradingResult = result.get("gradingResult");
        JsonNode response = result.get("response");

        evalCase.testIndex = integer(result.get("testIdx"));
        evalCase.provider = provider(result.get("provider"));
        evalCase.promptLabel = promptLabel(result);
        evalCase.caseKey = keys.assign(vars, evalCase.testIndex, evalCase.provider, evalCase.promptLabel);
        evalCase.description = firstText(testCase.get("description"), result.get("description"));
        evalCase.varsJson = JsonValues.json(vars);
        evalCase.promptText = promptText(result.get("prompt"));
        JsonNode asserts = testCase.get("assert");
        evalCase.expectedOutput = ExpectedOutputRule.expectedOutput(vars,
                asserts != null && asserts.isArray() ? asserts : ExpectedOutputRule.assertionsOf(gradingResult));
        evalCase.actualOutput = response == null ? null : JsonValues.text(response.get("output"));
        evalCase.status = status(result, gradingResult);
        evalCase.score = JsonValues.asDouble(result.get("score"));
        evalCase.latencyMs = JsonValues.asLong(result.get("latencyMs"));
        tokens(evalCase, response, result);
        evalCase.costUsd = cost(result, response);
        evalCase.errorMessage = firstText(result.get("error"), response == null ? null : response.get("error"));
        evalCase.assertionsJson = AssertionResults.flatten(gradingResult);
        evalCase.namedScoresJson = namedScores(result, gradingResult);
        traceLink(evalCase, result);
        datasetLink(evalCase, testCase, result);
        guardrails(evalCase, response);
        comment(evalCase, gradingResult);
        return evalCase;
    }

    /**
     * The provider as promptfoo itself names it in its prompt list and CSV headers: the label when
     * the config gave one, else the id. Two providers with the same id and different configs
     * ("gpt-4o cold" / "gpt-4o hot") stay apart this way.
     */
    static String provider(JsonNode provider) {
        if (provider == null || provider.isNull()) {
            return "";
        }
        if (provider.isTextual()) {
            return provider.asText();
        }
        String label = JsonValues.text(provider.get("label"));
        if (label != null && !label.isBlank()) {
            return label;
        }
        String id = JsonValues.text(provider.get("id"));
        return id == null ? "" : id;
    }

    /** The template's label ("display" in older files), else the label of prompts[promptIdx]. */
    private String promptLabel(JsonNode result) {
        JsonNode prompt = result.get("prompt");
        if (prompt != null && prompt.isObject()) {
            String label = firstText(prompt.get("label"), prompt.get("display"));
            if (label != null && !label.isEmpty()) {
                return label;
            }
        }
        String fromTemplate = templates.labelAt(integer(result.get("promptIdx")));
        return fromTemplate == null ? "" : fromTemplate;
    }

    /** {@code prompt.raw} is the prompt as rendered with the test's variables. */
    private static String promptText(JsonNode prompt) {
        if (prompt == null || prompt.isNull()) {
            return null;
        }
        return prompt.isObject() ? JsonValues.text(prompt.get("raw")) : JsonValues.text(prompt);
    }

    /**
     * PASS when promptfoo says success; ERROR when it says the failure was an error (failureReason
     * 2), or, for files older than failureReason, when there is an error and nothing was graded;
     * FAIL otherwise.
     */
    static CaseStatus status(JsonNode result, JsonNode gradingResult) {
        Boolean success = JsonValues.asBoolean(result.get("success"));
        if (success == null && gradingResult != null && gradingResult.isObject()) {
            success = JsonValues.asBoolean(gradingResult.get("pass"));
        }
        if (Boolean.TRUE.equals(success)) {
            return CaseStatus.PASS;
        }
        Long failureReason = JsonValues.asLong(result.get("failureReason"));
        if (failureReason != null && failureReason == FAILURE_REASON_ERROR) {
            return CaseStatus.ERROR;
        }
        boolean graded = gradingResult != null && gradingResult.isObject();
        if (failureReason == null && !graded && JsonValues.present(result.get("error"))) {
            return CaseStatus.ERROR;
        }
        return CaseStatus.FAIL;
    }

    /** The provider's tokens ({@code response.tokenUsage}), else the result's; grader tokens apart. */
    private static void tokens(CanonicalEvalCase evalCase, JsonNode response, JsonNode result) {
        JsonNode usage = response == null ? null : response.get("tokenUsage");
        if (!hasTokens(usage)) {
            usage = result.get("tokenUsage");
        }
        if (!hasTokens(usage)) {
            return;
        }
        evalCase.inputTokens = JsonValues.asLong(usage.get("prompt"));
        evalCase.outputTokens = JsonValues.asLong(usage.get("completion"));
        evalCase.totalTokens = JsonValues.asLong(usage.get("total"));
    }

    private static boolean hasTokens(JsonNode usage) {
        return usage != null && usage.isObject()
                && (usage.has("prompt") || usage.has("completion") || usage.has("total"));
    }

    /**
     * Reported cost only. promptfoo writes {@code cost: 0} on every result whose provider reported
     * none, so a zero there means "unknown" unless the provider's own response says 0.
     */
    static BigDecimal cost(JsonNode result, JsonNode response) {
        BigDecimal resultCost = JsonValues.asDecimal(result.get("cost"));
        if (resultCost != null && resultCost.signum() != 0) {
            return resultCost;
        }
        return response == null ? null : JsonValues.asDecimal(response.get("cost"));
    }

    private static String namedScores(JsonNode result, JsonNode gradingResult) {
        JsonNode named = result.get("namedScores");
        if ((named == null || named.isEmpty()) && gradingResult != null && gradingResult.isObject()) {
            named = gradingResult.get("namedScores");
        }
        return named != null && named.isObject() && !named.isEmpty() ? named.toString() : null;
    }

    /** The OTel trace of the provider call, when tracing was on: traceId, or a W3C traceparent. */
    private static void traceLink(CanonicalEvalCase evalCase, JsonNode result) {
        JsonNode metadata = result.path("metadata");
        String traceId = firstText(result.get("traceId"), metadata.get("traceId"));
        if (traceId != null && !traceId.isBlank()) {
            evalCase.traceId = traceId.strip().toLowerCase(Locale.ROOT);
            String spanId = firstText(result.get("spanId"), metadata.get("spanId"));
            evalCase.spanId = spanId == null ? null : spanId.strip().toLowerCase(Locale.ROOT);
            return;
        }
        String traceparent = firstText(result.get("traceparent"), metadata.get("traceparent"));
        if (traceparent != null) {
            Matcher parts = TRACEPARENT.matcher(traceparent.strip().toLowerCase(Locale.ROOT));
            if (parts.matches()) {
                evalCase.traceId = parts.group(1);
                evalCase.spanId = parts.group(2);
            }
        }
    }

    /**
     * The dataset item a test exported by Tracedesk was made from: the link keys its metadata carries
     * (decision 0017). promptfoo keeps a test's metadata in {@code testCase.metadata}, and also merges it
     * into the result's {@code metadata}, read when the former is missing (e.g. trimmed JSONL). From a
     * CSV tests file every value is a string.
     */
    private static void datasetLink(CanonicalEvalCase evalCase, JsonNode testCase, JsonNode result) {
        JsonNode metadata = testCase.path("metadata");
        if (!metadata.has(DatasetLinkKeys.ITEM_KEY)) {
            metadata = result.path("metadata");
        }
        String itemKey = JsonValues.text(metadata.get(DatasetLinkKeys.ITEM_KEY));
        if (itemKey == null || itemKey.isBlank()) {
            return;
        }
        evalCase.datasetItemKey = itemKey;
        String dataset = JsonValues.text(metadata.get(DatasetLinkKeys.DATASET));
        Integer version = integer(metadata.get(DatasetLinkKeys.VERSION));
        String contentHash = JsonValues.text(metadata.get(DatasetLinkKeys.CONTENT_HASH));
        if (contentHash != null && contentHash.startsWith(DatasetLinkKeys.HASH_PREFIX)) {
            contentHash = contentHash.substring(DatasetLinkKeys.HASH_PREFIX.length());
        } else if (REDACTED.equals(contentHash)) {
            // a bare hash promptfoo took for a secret: lost, not different; name and version still link
            contentHash = null;
        }
        if (dataset != null || contentHash != null) {
            evalCase.dataset = new DatasetRef(dataset, version, contentHash);
        }
    }

    /** The provider's moderation verdict ({@code response.guardrails}), flagged or not. */
    private static void guardrails(CanonicalEvalCase evalCase, JsonNode response) {
        JsonNode guardrails = response == null ? null : response.get("guardrails");
        Boolean flagged = guardrails == null ? null : JsonValues.asBoolean(guardrails.get("flagged"));
        if (flagged == null) {
            return;
        }
        String label = !flagged ? "not flagged"
                : Boolean.TRUE.equals(JsonValues.asBoolean(guardrails.get("flaggedInput"))) ? "input flagged"
                : Boolean.TRUE.equals(JsonValues.asBoolean(guardrails.get("flaggedOutput"))) ? "output flagged"
                : "flagged";
        evalCase.checks.add(new CanonicalCheck(null, CheckSource.GUARDRAIL, "guardrails", label, null, !flagged,
                JsonValues.text(guardrails.get("reason")), null));
    }

    /** A reviewer's comment written in promptfoo's web viewer is an annotation of the case. */
    private static void comment(CanonicalEvalCase evalCase, JsonNode gradingResult) {
        String comment = gradingResult == null ? null : JsonValues.text(gradingResult.get("comment"));
        if (comment != null && !comment.isBlank()) {
            evalCase.checks.add(new CanonicalCheck(null, CheckSource.ANNOTATION, "comment", null, null, null,
                    comment, null));
        }
    }

    static Integer integer(JsonNode node) {
        Long value = JsonValues.asLong(node);
        return value == null || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? null : value.intValue();
    }

    private static String firstText(JsonNode first, JsonNode second) {
        String text = JsonValues.text(first);
        return text != null ? text : JsonValues.text(second);
    }
}
