package dev.tracedesk.ingest.openaievals;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.core.model.CaseStatus;
import dev.tracedesk.ingest.model.CanonicalEvalCase;
import dev.tracedesk.ingest.model.CanonicalEvalRun;
import dev.tracedesk.ingest.model.CaseKeys;
import dev.tracedesk.ingest.source.JsonValues;

/**
 * One OpenAI Evals (platform) run item into an eval case, in either shape it comes in:
 * <ul>
 * <li>the API's output item {object: "eval.run.output_item", run_id, eval_id, datasource_item_id,
 * datasource_item, results[{name, type, score, passed, sample}], sample{input, output, model,
 * usage, error, …}, status};</li>
 * <li>the dashboard export {run_id, data_source_idx, item, grades{grader: score},
 * grader_samples{grader: {outputs}}, passes{grader: bool}}.</li>
 * </ul>
 * A case passes when every grader passed. Its score is the one grader's score, or with several
 * graders (whose scales differ: 1–7, 0–1, …) the share of graders that passed; each grader's own
 * score is kept in the named scores.
 */
final class EvalItemMapper {

    /** Where a data source item usually keeps the reference answer, most specific first. */
    private static final List<String> EXPECTED_KEYS = List.of("expected_output", "expected_answer", "expected",
            "ideal", "ground_truth", "reference", "correct_answer", "answer", "target");

    private EvalItemMapper() {
    }

    static boolean isApiItem(JsonNode line) {
        return "eval.run.output_item".equals(line.path("object").asText()) || line.has("datasource_item_id");
    }

    static boolean isDashboardItem(JsonNode line) {
        return line.has("data_source_idx") && line.has("item");
    }

    /** Why this object is no run item, or null. */
    static String problemOf(JsonNode line) {
        if (!isApiItem(line) && !isDashboardItem(line)) {
            return "neither an Evals API output item (object eval.run.output_item) nor a dashboard run item "
                    + "(run_id, data_source_idx, item)";
        }
        String runId = JsonValues.text(line.get("run_id"));
        if (runId == null || runId.isBlank()) {
            return "the item has no run_id, so its run cannot be told";
        }
        JsonNode index = isApiItem(line) ? line.get("datasource_item_id") : line.get("data_source_idx");
        if (index == null || !index.isValueNode() || index.isNull()) {
            return "the item has no data source index (datasource_item_id / data_source_idx)";
        }
        return null;
    }

    static CanonicalEvalRun run(JsonNode line) {
        CanonicalEvalRun run = new CanonicalEvalRun();
        run.tool = OaiEvalRunHeader.TOOL;
        run.externalRunId = JsonValues.text(line.get("run_id"));
        run.name = JsonValues.text(line.get("eval_id"));
        // the API documents an item's created_at as the time its run was created
        Long createdSeconds = JsonValues.asLong(line.get("created_at"));
        run.startedAt = createdSeconds == null ? null : java.time.Instant.ofEpochSecond(createdSeconds);
        String model = JsonValues.text(line.path("sample").get("model"));
        run.providersJson = JsonValues.json(model == null ? List.of() : List.of(model));
        if (line.has("eval_id")) {
            run.configJson = JsonValues.MAPPER.createObjectNode().set("eval_id", line.get("eval_id")).toString();
        }
        return run;
    }

    static CanonicalEvalCase toCase(JsonNode line) {
        boolean api = isApiItem(line);
        JsonNode item = api ? line.path("datasource_item") : line.path("item");
        JsonNode sample = line.path("sample");
        String index = JsonValues.text(api ? line.get("datasource_item_id") : line.get("data_source_idx"));
        CanonicalEvalCase evalCase = new CanonicalEvalCase();
        evalCase.caseKey = CaseKeys.fromSampleId(index);
        Long numericIndex = JsonValues.asLong(api ? line.get("datasource_item_id") : line.get("data_source_idx"));
        evalCase.testIndex = numericIndex == null || numericIndex > Integer.MAX_VALUE ? null : numericIndex.intValue();
        String model = JsonValues.text(sample.get("model"));
        evalCase.provider = model == null ? "" : model;
        evalCase.varsJson = JsonValues.json(item);
        evalCase.promptText = OpenAiChat.render(sample.has("input") ? sample.get("input") : item.get("input"));
        evalCase.expectedOutput = expectedOf(item);
        evalCase.actualOutput = outputOf(sample, item);
        JsonNode usage = sample.path("usage");
        evalCase.inputTokens = JsonValues.asLong(usage.get("prompt_tokens"));
        evalCase.outputTokens = JsonValues.asLong(usage.get("completion_tokens"));
        evalCase.totalTokens = JsonValues.asLong(usage.get("total_tokens"));

        ArrayNode assertions = api ? apiAssertions(line.path("results")) : dashboardAssertions(line);
        ObjectNode namedScores = JsonValues.MAPPER.createObjectNode();
        int passed = 0;
        for (JsonNode assertion : assertions) {
            namedScores.set(assertion.get("type").asText(), assertion.get("score"));
            passed += assertion.path("pass").asBoolean(false) ? 1 : 0;
        }
        evalCase.assertionsJson = assertions.toString();
        evalCase.namedScoresJson = namedScores.isEmpty() ? null : namedScores.toString();
        evalCase.score = assertions.size() == 1 ? JsonValues.asDouble(assertions.get(0).get("score"))
                : assertions.isEmpty() ? null : (double) passed / assertions.size();
        String error = errorOf(sample.get("error"));
        evalCase.errorMessage = error;
        if (error != null || "error".equalsIgnoreCase(line.path("status").asText())) {
            evalCase.status = CaseStatus.ERROR;
        } else if (!assertions.isEmpty()) {
            evalCase.status = passed == assertions.size() ? CaseStatus.PASS : CaseStatus.FAIL;
        } else {
            evalCase.status = "pass".equalsIgnoreCase(line.path("status").asText()) ? CaseStatus.PASS : CaseStatus.FAIL;
        }
        return evalCase;
    }

    private static String expectedOf(JsonNode item) {
        for (String key : EXPECTED_KEYS) {
            if (JsonValues.present(item.get(key))) {
                return OpenAiChat.lines(item.get(key));
            }
        }
        return null;
    }

    private static String outputOf(JsonNode sample, JsonNode item) {
        if (sample.path("output").isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode message : sample.get("output")) {
                String content = OpenAiChat.content(message.get("content"));
                if (content != null) {
                    text.append(text.length() > 0 ? "\n" : "").append(content);
                }
            }
            return text.toString();
        }
        if (JsonValues.present(sample.get("output_text"))) {
            return JsonValues.text(sample.get("output_text"));
        }
        return JsonValues.present(item.get("output_text")) ? JsonValues.text(item.get("output_text")) : null;
    }

    /** The sample's error, when it is one: the API writes an object whose code and message may be empty. */
    private static String errorOf(JsonNode error) {
        if (!JsonValues.present(error)) {
            return null;
        }
        if (error.isObject()) {
            String message = JsonValues.text(error.get("message"));
            String code = JsonValues.text(error.get("code"));
            boolean hasMessage = message != null && !message.isBlank();
            boolean hasCode = code != null && !code.isBlank();
            if (!hasMessage && !hasCode) {
                return null;
            }
            return hasCode && hasMessage ? code + ": " + message : hasMessage ? message : code;
        }
        String text = JsonValues.text(error);
        return text == null || text.isBlank() ? null : text;
    }

    private static ArrayNode apiAssertions(JsonNode results) {
        ArrayNode assertions = JsonValues.MAPPER.createArrayNode();
        for (JsonNode result : results) {
            ObjectNode assertion = assertions.addObject();
            assertion.put("type", result.path("name").asText(result.path("type").asText("grader")));
            assertion.put("graderType", JsonValues.text(result.get("type")));
            assertion.putNull("value");
            assertion.put("pass", Boolean.TRUE.equals(JsonValues.asBoolean(result.get("passed"))));
            assertion.put("score", JsonValues.asDouble(result.get("score")));
            assertion.put("reason", graderOutput(result.get("sample")));
            assertion.set("result", result);
        }
        return assertions;
    }

    private static ArrayNode dashboardAssertions(JsonNode line) {
        JsonNode grades = line.path("grades");
        JsonNode passes = line.path("passes");
        Set<String> graders = new LinkedHashSet<>();
        passes.fieldNames().forEachRemaining(graders::add);
        grades.fieldNames().forEachRemaining(graders::add);
        ArrayNode assertions = JsonValues.MAPPER.createArrayNode();
        for (String grader : graders) {
            ObjectNode assertion = assertions.addObject();
            assertion.put("type", grader);
            assertion.putNull("value");
            assertion.put("pass", Boolean.TRUE.equals(JsonValues.asBoolean(passes.get(grader))));
            assertion.put("score", JsonValues.asDouble(grades.get(grader)));
            assertion.put("reason", graderOutput(line.path("grader_samples").get(grader)));
            if (JsonValues.present(line.path("grader_samples").get(grader))) {
                assertion.set("graderSample", line.path("grader_samples").get(grader));
            }
        }
        return assertions;
    }

    /** What a model grader answered ({outputs: [{role, content}]} or a sample with output). */
    private static String graderOutput(JsonNode graderSample) {
        if (!JsonValues.present(graderSample)) {
            return null;
        }
        JsonNode outputs = graderSample.has("outputs") ? graderSample.get("outputs") : graderSample.get("output");
        if (outputs != null && outputs.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode output : outputs) {
                String content = output.isObject() ? OpenAiChat.content(output.get("content")) : JsonValues.text(output);
                text.append(text.length() > 0 ? "\n" : "").append(content == null ? "" : content);
            }
            return text.toString();
        }
        return JsonValues.text(graderSample);
    }
}
