package dev.tracedesk.ingest.openaievals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.core.model.CaseStatus;
import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.model.CanonicalEvalCase;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.MessageDirection;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.JsonValues;
import dev.tracedesk.ingest.source.Sniff;

class EvalItemsReaderTest {

    private static final String REAL_ITEMS = "/fixtures/openai-evals/openai-evals-items.jsonl";
    /** The output item of the API reference's example, on one line. */
    private static final String API_ITEM = "{\"object\":\"eval.run.output_item\",\"id\":\"outputitem_67e5796c28e081909917bf79f6e6214d\","
            + "\"created_at\":1743092076,\"run_id\":\"evalrun_67abd54d60ec8190832b46859da808f7\","
            + "\"eval_id\":\"eval_67abd54d9b0081909a86353f6fb9317a\",\"status\":\"pass\",\"datasource_item_id\":5,"
            + "\"datasource_item\":{\"input\":\"Stock Markets Rally After Positive Economic Data Released\",\"ground_truth\":\"Markets\"},"
            + "\"results\":[{\"name\":\"String check-a2486074\",\"sample\":null,\"passed\":true,\"score\":1.0}],"
            + "\"sample\":{\"input\":[{\"role\":\"developer\",\"content\":\"Categorize a given news headline.\",\"tool_call_id\":null,"
            + "\"tool_calls\":null,\"function_call\":null},{\"role\":\"user\",\"content\":\"Stock Markets Rally After Positive "
            + "Economic Data Released\",\"tool_call_id\":null,\"tool_calls\":null,\"function_call\":null}],"
            + "\"output\":[{\"role\":\"assistant\",\"content\":\"Markets\",\"tool_call_id\":null,\"tool_calls\":null,"
            + "\"function_call\":null}],\"finish_reason\":\"stop\",\"model\":\"gpt-4o-mini-2024-07-18\","
            + "\"usage\":{\"total_tokens\":325,\"completion_tokens\":2,\"prompt_tokens\":323,\"cached_tokens\":0},"
            + "\"error\":null,\"temperature\":1.0,\"max_completion_tokens\":2048,\"top_p\":1.0,\"seed\":42}}";

    private final EvalItemsReader reader = new EvalItemsReader();

    @TempDir
    Path dir;

    private Path realItems() throws IOException {
        try (InputStream in = EvalItemsReaderTest.class.getResourceAsStream(REAL_ITEMS)) {
            return Files.write(dir.resolve("items.jsonl"), in.readAllBytes());
        }
    }

    private CollectingSink read(List<String> lines) throws IOException {
        return read(Files.write(dir.resolve("lines.jsonl"), lines, StandardCharsets.UTF_8));
    }

    private CollectingSink read(Path file) throws IOException {
        CollectingSink sink = new CollectingSink();
        reader.read(ImportSource.of(file), sink);
        return sink;
    }

    @Test
    void detectsDashboardItemsApiItemsAndListPagesOnly() throws IOException {
        assertThat(reader.confidence(Sniff.of(ImportSource.of(realItems())))).isEqualTo(100);
        assertThat(reader.confidence(Sniff.ofText("x.jsonl", API_ITEM))).isEqualTo(100);
        assertThat(reader.confidence(Sniff.ofText("x.json", "{\"object\":\"list\",\"data\":[" + API_ITEM + "]}"))).isEqualTo(100);
        assertThat(reader.confidence(Sniff.ofText("x.jsonl", OaiEvalLogReaderTest.realLines().get(0)))).isZero();
    }

    @Test
    void theRealDashboardItemsBecomeOneRunAndACasePerItem() throws IOException {
        CollectingSink sink = read(realItems());

        assertThat(sink.rejections).isEmpty();
        assertThat(sink.runs).singleElement().satisfies(run -> {
            assertThat(run.tool).isEqualTo("openai-evals");
            assertThat(run.externalRunId).isEqualTo("evalrun_import_fixture");
        });
        assertThat(sink.cases).extracting(c -> c.caseKey).containsExactly("id:10", "id:3");
        assertThat(sink.cases).extracting(c -> c.testIndex).containsExactly(10, 3);
        assertThat(sink.cases).extracting(c -> c.status).containsExactly(CaseStatus.PASS, CaseStatus.FAIL);
        assertThat(sink.cases).extracting(c -> c.score).containsExactly(1.0, 2.0 / 3);
    }

    @Test
    void aDashboardItemKeepsItsInputExpectedAnswerAndEachGrader() throws IOException {
        CanonicalEvalCase promoCodes = read(realItems()).cases.get(1);

        assertThat(promoCodes.promptText).isEqualTo("Can I use multiple promo codes?");
        assertThat(promoCodes.expectedOutput).isEqualTo("Yes, you can use as many as you want.");
        assertThat(promoCodes.actualOutput).isNull();
        assertThat(JsonValues.MAPPER.readTree(promoCodes.varsJson).get("expected_category").asText())
                .isEqualTo("promotions_discounts");
        assertThat(promoCodes.namedScoresJson).isEqualTo("{\"Relevance\":1.0,\"Directness\":3.0,\"Tool called\":1.0}");
        JsonNode relevance = JsonValues.MAPPER.readTree(promoCodes.assertionsJson).get(0);
        assertThat(relevance.get("type").asText()).isEqualTo("Relevance");
        assertThat(relevance.get("pass").asBoolean()).isFalse();
        assertThat(relevance.get("score").asDouble()).isEqualTo(1.0);
        assertThat(relevance.get("reason").asText()).isEqualTo("{\"result\":1}");
        assertThat(promoCodes.traceId).isNull();
    }

    @Test
    void anApiOutputItemBecomesACaseLinkedToItsModelCall() throws IOException {
        CollectingSink sink = read(List.of(API_ITEM));

        assertThat(sink.runs).singleElement().satisfies(run -> {
            assertThat(run.externalRunId).isEqualTo("evalrun_67abd54d60ec8190832b46859da808f7");
            assertThat(run.name).isEqualTo("eval_67abd54d9b0081909a86353f6fb9317a");
            assertThat(run.startedAt).isEqualTo(Instant.ofEpochSecond(1743092076));
            assertThat(run.providersJson).isEqualTo("[\"gpt-4o-mini-2024-07-18\"]");
        });
        CanonicalEvalCase evalCase = sink.cases.get(0);
        assertThat(evalCase.caseKey).isEqualTo("id:5");
        assertThat(evalCase.provider).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(evalCase.expectedOutput).isEqualTo("Markets");
        assertThat(evalCase.actualOutput).isEqualTo("Markets");
        assertThat(evalCase.promptText).isEqualTo("developer: Categorize a given news headline.\n"
                + "user: Stock Markets Rally After Positive Economic Data Released");
        assertThat(evalCase.status).isEqualTo(CaseStatus.PASS);
        assertThat(evalCase.score).isEqualTo(1.0);
        assertThat(evalCase.inputTokens).isEqualTo(323);
        assertThat(evalCase.outputTokens).isEqualTo(2);
        assertThat(evalCase.totalTokens).isEqualTo(325);
        assertThat(evalCase.traceId).isEqualTo("outputitem_67e5796c28e081909917bf79f6e6214d");

        CanonicalSpan call = sink.spans.get(0);
        assertThat(call.kind).isEqualTo(SpanKind.LLM);
        assertThat(call.requestedModel).isEqualTo("gpt-4o-mini-2024-07-18");
        JsonNode parameters = JsonValues.MAPPER.readTree(call.parametersJson);
        assertThat(parameters.get("temperature").asDouble()).isEqualTo(1.0);
        assertThat(parameters.get("top_p").asDouble()).isEqualTo(1.0);
        assertThat(parameters.get("max_completion_tokens").asLong()).isEqualTo(2048);
        assertThat(parameters.get("seed").asLong()).isEqualTo(42);
        assertThat(call.messages(MessageDirection.INPUT)).extracting(m -> m.role()).containsExactly("developer", "user");
        assertThat(call.messages(MessageDirection.OUTPUT)).singleElement()
                .satisfies(m -> assertThat(m.finishReason()).isEqualTo("stop"));
        assertThat(call.status).isEqualTo(SpanStatus.OK);
        assertThat(call.attributesJson).contains("\"finish_reason\":\"stop\"");
    }

    @Test
    void anItemWhoseSampleFailedIsAnErroredCase() throws IOException {
        String failed = API_ITEM.replace("\"error\":null", "\"error\":{\"code\":\"rate_limit\",\"message\":\"Too many requests\"}");
        String emptyError = API_ITEM.replace("\"datasource_item_id\":5", "\"datasource_item_id\":6")
                .replace("\"error\":null", "\"error\":{\"code\":\"\",\"message\":\"\"}");
        CollectingSink sink = read(List.of(failed, emptyError));

        assertThat(sink.cases).extracting(c -> c.status).containsExactly(CaseStatus.ERROR, CaseStatus.PASS);
        assertThat(sink.cases.get(0).errorMessage).isEqualTo("rate_limit: Too many requests");
        assertThat(sink.spans.get(0).status).isEqualTo(SpanStatus.ERROR);
    }

    @Test
    void aSavedListPageImportsEachItemOfIt() throws IOException {
        String second = API_ITEM.replace("\"datasource_item_id\":5", "\"datasource_item_id\":6")
                .replace("\"passed\":true", "\"passed\":false").replace("\"score\":1.0}]", "\"score\":0.0}]");
        CollectingSink sink = read(List.of("{\"object\":\"list\",\"data\":[" + API_ITEM + "," + second + "],\"has_more\":false}"));

        assertThat(sink.runs).hasSize(1);
        assertThat(sink.cases).extracting(c -> c.caseKey + " " + c.status).containsExactly("id:5 PASS", "id:6 FAIL");
    }

    @Test
    void itemsOfSeveralRunsGoToTheirOwnRuns() throws IOException {
        String other = API_ITEM.replace("evalrun_67abd54d60ec8190832b46859da808f7", "evalrun_other");
        CollectingSink sink = read(List.of(API_ITEM, other));

        assertThat(sink.runs).extracting(run -> run.externalRunId)
                .containsExactly("evalrun_67abd54d60ec8190832b46859da808f7", "evalrun_other");
    }

    @Test
    void badLinesAreRejectedWithTheirLineAndTheRestImported() throws IOException {
        CollectingSink sink = read(List.of("{\"run_id\":\"r\",\"data_source_idx\":1,\"item\":{\"input\":\"x\"},\"pas",
                "null", "{\"run_id\":\"r\",\"data_source_idx\":null,\"item\":{}}", "{\"hello\":1}",
                "{\"run_id\":\"r\",\"data_source_idx\":2,\"item\":{\"input\":\"y\"},\"passes\":{\"g\":true}}"));

        assertThat(sink.cases).extracting(c -> c.caseKey + " " + c.status).containsExactly("id:2 PASS");
        assertThat(sink.rejections).extracting(r -> r.locator()).containsExactly("line 1", "line 2", "line 3", "line 4");
        assertThat(sink.rejections).extracting(r -> r.reason()).satisfiesExactly(
                reason -> assertThat(reason).startsWith("not valid JSON"),
                reason -> assertThat(reason).contains("null where an eval run item"),
                reason -> assertThat(reason).contains("no data source index"),
                reason -> assertThat(reason).contains("neither an Evals API output item"));
    }

    @Test
    void anEmptyFileIsRefusedNamingTheFile() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n");

        assertThatThrownBy(() -> read(empty)).isInstanceOf(IOException.class)
                .hasMessageContaining("empty.jsonl").hasMessageContaining("no OpenAI Evals run item");
    }
}
