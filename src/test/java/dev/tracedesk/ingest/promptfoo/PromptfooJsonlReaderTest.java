package dev.tracedesk.ingest.promptfoo;

import static dev.tracedesk.ingest.promptfoo.PromptfooFiles.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.model.Rejection;
import dev.tracedesk.ingest.source.Sniff;

/** results.jsonl: one result per line, no envelope. */
class PromptfooJsonlReaderTest {

    @TempDir
    Path dir;

    private final PromptfooJsonlReader reader = new PromptfooJsonlReader();

    /** The upstream export's four real results, one per line as -o results.jsonl writes them; optionally with an evalId. */
    private static List<String> upstreamLines(String evalId) throws IOException {
        List<String> lines = new ArrayList<>();
        for (JsonNode result : PromptfooFiles.tree(PromptfooFiles.UPSTREAM_EXPORT).at("/results/results")) {
            ObjectNode line = result.deepCopy();
            if (evalId != null) {
                line.put("evalId", evalId);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private CollectingSink read(String content) throws IOException {
        return PromptfooFiles.read(reader, PromptfooFiles.write(dir, "results.jsonl", content));
    }

    @Test
    void linesWithoutEvalIdAreOneRunNamedByTheFirstResult() throws IOException {
        CollectingSink sink = read(String.join("\n", upstreamLines(null)) + "\n");
        assertThat(sink.runs).singleElement().satisfies(run -> {
            assertThat(run.externalRunId).isEqualTo("first-result:b7df157c-b0cd-4852-a41a-72523ea294e7");
            assertThat(run.name).isEqualTo("results.jsonl");
            assertThat(run.providersJson).isEqualTo("[\"openai:gpt-5-mini\",\"openai:gpt-5\"]");
            assertThat(run.promptsJson).contains("\"label\":\"Solve this riddle: {{riddle}}\"");
        });
        assertThat(sink.cases).extracting(c -> c.testIndex, c -> c.provider, c -> c.latencyMs).containsExactly(
                tuple(0, "openai:gpt-5-mini", 5794L), tuple(0, "openai:gpt-5", 6197L),
                tuple(1, "openai:gpt-5-mini", 4669L), tuple(1, "openai:gpt-5", 5027L));
        assertThat(sink.rejections).isEmpty();
    }

    @Test
    void aFileCutShortOrResavedKeepsItsRunSoItsCasesAreDuplicates() throws IOException {
        List<String> lines = upstreamLines(null);
        String whole = read(String.join("\n", lines) + "\n").runs.get(0).externalRunId;
        String cut = read(lines.get(0) + "\n" + lines.get(1) + "\n" + lines.get(2).substring(0, 40)).runs.get(0).externalRunId;
        String resaved = read(String.join("\r\n", lines) + "\r\n\r\n").runs.get(0).externalRunId;
        assertThat(cut).isEqualTo(whole).isEqualTo(resaved);
    }

    @Test
    void linesWithoutAnyIdBelongToARunNamedByTheContentHash() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : upstreamLines(null)) {
            ObjectNode node = (ObjectNode) PromptfooFiles.tree(line);
            node.remove("id");
            lines.add(node.toString());
        }
        CollectingSink sink = read(String.join("\n", lines));
        assertThat(sink.runs).singleElement().satisfies(run -> assertThat(run.externalRunId).matches("sha256:[0-9a-f]{32}"));
        assertThat(sink.cases).hasSize(4);
    }

    @Test
    void theJsonlCasesEqualThoseOfTheSameEvalsJson() throws IOException {
        CollectingSink fromJson = PromptfooFiles.read(new PromptfooJsonReader(), PromptfooFiles.UPSTREAM_EXPORT);
        CollectingSink fromJsonl = read(String.join("\n", upstreamLines(null)));
        assertThat(fromJsonl.cases).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(fromJson.cases);
    }

    @Test
    void linesThatCarryAnEvalIdAreGroupedIntoThatEvalsRun() throws IOException {
        CollectingSink sink = read(String.join("\n", upstreamLines("eval-WJi-2025-10-01T20:08:11")));
        assertThat(sink.runs).singleElement().satisfies(run ->
                assertThat(run.externalRunId).isEqualTo("eval-WJi-2025-10-01T20:08:11"));
        assertThat(sink.cases).hasSize(4);
    }

    @Test
    void linesOfTwoEvalsStartARunEach() throws IOException {
        List<String> first = upstreamLines("eval-one");
        List<String> second = upstreamLines("eval-two");
        CollectingSink sink = read(first.get(0) + "\n" + first.get(1) + "\n" + second.get(2));
        assertThat(sink.runs).extracting(run -> run.externalRunId).containsExactly("eval-one", "eval-two");
        assertThat(sink.runs.get(1).providersJson).isEqualTo("[\"openai:gpt-5-mini\"]");
        assertThat(sink.cases).hasSize(3);
    }

    @Test
    void aBadLineIsRejectedWithItsNumberAndTheOtherLinesImport() throws IOException {
        List<String> good = upstreamLines("eval-x");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((good.get(0) + "\n{\"truncated\": \n\nnull\n[1]\n{} {}\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}', '\n'});
        bytes.writeBytes((json("{'unrelated':true}") + "\n" + good.get(1) + "\n").getBytes(StandardCharsets.UTF_8));
        CollectingSink sink = PromptfooFiles.read(reader, PromptfooFiles.write(dir, "mixed.jsonl", bytes.toByteArray()));
        assertThat(sink.cases).hasSize(2);
        assertThat(sink.rejections).extracting(Rejection::locator, Rejection::lineNumber).containsExactly(
                tuple("line 2", 2L), tuple("line 4", 4L), tuple("line 5", 5L), tuple("line 6", 6L),
                tuple("line 7", 7L), tuple("line 8", 8L));
        assertThat(sink.rejections.get(0).reason()).startsWith("not valid JSON");
        assertThat(sink.rejections.get(0).rawText()).isEqualTo("{\"truncated\": ");
        assertThat(sink.rejections.get(1).reason()).contains("this is null");
        assertThat(sink.rejections.get(3).reason()).contains("more than one JSON value");
        assertThat(sink.rejections.get(4).reason()).contains("invalid UTF-8");
        assertThat(sink.rejections.get(5).reason()).contains("not a promptfoo result");
    }

    @Test
    void aFiftyMegabyteLineImportsAndCostsNothingElse() throws IOException {
        List<String> lines = upstreamLines(null);
        ObjectNode huge = (ObjectNode) PromptfooFiles.tree(lines.get(1));
        ((ObjectNode) huge.get("response")).put("output", "x".repeat(50 * 1024 * 1024));
        CollectingSink sink = read(lines.get(0) + "\n" + huge + "\n" + lines.get(2) + "\n");
        assertThat(sink.rejections).isEmpty();
        assertThat(sink.cases).hasSize(3);
        assertThat(sink.cases.get(1).actualOutput).hasSize(50 * 1024 * 1024);
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> read("\n\n")).isInstanceOf(IOException.class)
                .hasMessageContaining("results.jsonl: the file is empty");
    }

    @Test
    void detectionLooksForAResultOnTheFirstLine() throws IOException {
        assertThat(reader.confidence(Sniff.ofText("r.jsonl", upstreamLines("e").get(0) + "\n"))).isEqualTo(95);
        assertThat(reader.confidence(Sniff.ofText("r.jsonl", json("{'provider':'x','testIdx':0}")))).isZero();
        assertThat(reader.confidence(Sniff.ofText("r.jsonl", json("{'resourceSpans':[]}")))).isZero();
        assertThat(new PromptfooJsonReader().confidence(Sniff.ofText("r.jsonl", upstreamLines("e").get(0)))).isZero();
        String longFirstLine = upstreamLines("e").get(0).replace("\"testIdx\":0",
                "\"testIdx\":0,\"pad\":\"" + "x".repeat(70_000) + "\"");
        Path longLine = PromptfooFiles.write(dir, "long.jsonl", longFirstLine + "\n");
        assertThat(reader.confidence(PromptfooFiles.sniff(longLine))).as("cut by the sniff window").isEqualTo(60);
    }
}
