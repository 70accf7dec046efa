package dev.tracedesk.ingest.promptfoo;

import static dev.tracedesk.ingest.promptfoo.PromptfooFiles.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.core.model.CaseStatus;
import dev.tracedesk.core.model.CheckSource;
import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.model.CanonicalEvalCase;
import dev.tracedesk.ingest.model.Rejection;
import dev.tracedesk.ingest.source.FormatReader;
import dev.tracedesk.ingest.source.Sniff;

/** results.json shapes and breaks (FORMATS.md §10), built inline. */
class PromptfooJsonReaderTest {

    @TempDir
    Path dir;

    private final PromptfooJsonReader reader = new PromptfooJsonReader();

    static String result(int testIdx, int promptIdx, String provider, String varValue) {
        return json("{'id':'r" + testIdx + promptIdx + "','testIdx':" + testIdx + ",'promptIdx':" + promptIdx
                + ",'provider':{'id':'" + provider + "','label':''},'prompt':{'raw':'Q: " + varValue
                + "','label':'Q: {{q}}'},'vars':{'q':'" + varValue + "'},'testCase':{'vars':{'q':'" + varValue
                + "'},'assert':[{'type':'equals','value':'" + varValue + "'}]},'response':{'output':'Q: " + varValue
                + "'},'success':true,'score':1,'latencyMs':3,'cost':0,'namedScores':{},'failureReason':0,"
                + "'gradingResult':{'pass':true,'score':1,'reason':'All assertions passed','componentResults':"
                + "[{'pass':true,'score':1,'reason':'Assertion passed','assertion':{'type':'equals','value':'"
                + varValue + "'}}]}}");
    }

    private static String envelope(String... results) {
        return json("{'evalId':'eval-abc','results':{'version':3,'timestamp':'2026-01-02T03:04:05.000Z',"
                + "'prompts':[{'raw':'Q: {{q}}','label':'Q: {{q}}','provider':'echo'}],'results':[")
                + String.join(",\n", results)
                + json("],'stats':{'successes':1,'failures':0,'errors':0,'durationMs':1500}},"
                + "'config':{'description':'inline'},'shareableUrl':null,'metadata':{'promptfooVersion':'0.121.20'}}");
    }

    private CollectingSink read(String content) throws IOException {
        return PromptfooFiles.read(reader, PromptfooFiles.write(dir, "results.json", content));
    }

    @Test
    void theRunEndsAtItsStartPlusTheRecordedDuration() throws IOException {
        CollectingSink sink = read(envelope(result(0, 0, "echo", "hello")));
        assertThat(sink.runs.get(0).finishedAt).isEqualTo(java.time.Instant.parse("2026-01-02T03:04:06.500Z"));
        assertThat(sink.cases.get(0).status).isEqualTo(CaseStatus.PASS);
        assertThat(sink.cases.get(0).expectedOutput).isEqualTo("hello");
    }

    @Test
    void theEnvelopeIsFoundWhereverItsPartsStand() throws IOException {
        String reordered = json("{'results':{'results':[") + result(0, 0, "echo", "a")
                + json("],'prompts':[{'raw':'Q: {{q}}','label':'Q: {{q}}','provider':'echo'}],'version':3,"
                + "'timestamp':'2026-01-02T03:04:05Z'},'config':{'description':'config last'},'evalId':'eval-last'}");
        CollectingSink sink = read(reordered);
        assertThat(sink.runs.get(0).externalRunId).isEqualTo("eval-last");
        assertThat(sink.runs.get(0).name).isEqualTo("config last");
        assertThat(sink.runs.get(0).providersJson).isEqualTo("[\"echo\"]");
        assertThat(sink.cases).hasSize(1);
    }

    @Test
    void aVersionTwoFileImportsItsResultsWithPromptsFromTheTableHead() throws IOException {
        String v2 = json("{'results':{'version':2,'timestamp':'2024-03-01T00:00:00Z','results':[")
                + result(0, 0, "openai:gpt-4", "x").replace(json("'label':'Q: {{q}}'"), json("'display':'Q: {{q}}'"))
                + json("],'table':{'head':{'prompts':[{'raw':'Q: {{q}}','display':'Q: {{q}}','provider':'openai:gpt-4'}],"
                + "'vars':['q']},'body':[{'outputs':[],'vars':['x']}]},'stats':{'successes':1}},"
                + "'config':{},'shareableUrl':null}");
        Path file = PromptfooFiles.write(dir, "old.json", v2);
        assertThat(reader.confidence(PromptfooFiles.sniff(file))).isEqualTo(90);
        CollectingSink sink = PromptfooFiles.read(reader, file);
        assertThat(sink.runs.get(0).externalRunId).as("no evalId: the content's hash").startsWith("sha256:");
        assertThat(sink.runs.get(0).promptsJson).contains("\"label\":\"Q: {{q}}\"");
        assertThat(sink.cases.get(0).promptLabel).isEqualTo("Q: {{q}}");
        assertThat(sink.cases.get(0).provider).isEqualTo("openai:gpt-4");
    }

    @Test
    void aFileWithOnlyTheOldResultsTableIsRefusedWithTheReason() throws IOException {
        Path file = PromptfooFiles.write(dir, "ancient.json",
                json("{'results':{'version':1,'table':{'head':{'prompts':[]},'body':[]}},'config':{}}"));
        assertThatThrownBy(() -> PromptfooFiles.read(reader, file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("ancient.json")
                .hasMessageContaining("version 1 without a results.results array")
                .hasMessageContaining("export the eval again");
    }

    @Test
    void theRunIdOfAFileWithoutEvalIdIsStableAndFollowsTheContent() throws IOException {
        String content = envelope(result(0, 0, "echo", "a")).replace(json("'evalId':'eval-abc',"), "");
        String first = PromptfooFiles.read(reader, PromptfooFiles.write(dir, "a.json", content)).runs.get(0).externalRunId;
        String again = PromptfooFiles.read(reader, PromptfooFiles.write(dir, "b.json", content)).runs.get(0).externalRunId;
        String other = PromptfooFiles.read(reader, PromptfooFiles.write(dir, "c.json", content.replace("inline", "x")))
                .runs.get(0).externalRunId;
        assertThat(first).isEqualTo(again).isNotEqualTo(other).matches("sha256:[0-9a-f]{32}");
    }

    @Test
    void aTruncatedFileKeepsTheResultsBeforeTheBreakAndRejectsTheRest() throws IOException {
        String whole = envelope(result(0, 0, "echo", "a"), result(1, 0, "echo", "b"));
        int cut = whole.indexOf(json("'id':'r10'")) + 20;
        CollectingSink sink = read(whole.substring(0, cut));
        assertThat(sink.runs).hasSize(1);
        assertThat(sink.cases).hasSize(1);
        assertThat(sink.rejections).hasSize(1);
        Rejection rejection = sink.rejections.get(0);
        assertThat(rejection.locator()).isEqualTo("$.results.results[1]");
        assertThat(rejection.lineNumber()).isEqualTo(2L);
        assertThat(rejection.rawText()).isEqualTo(whole.substring(whole.indexOf(json("{'id':'r10'")), cut));
        assertThat(rejection.reason()).contains("the JSON breaks").contains("could not be read");
    }

    @Test
    void aBreakAfterTheResultsKeepsEveryCaseAndRejectsTheBrokenPart() throws IOException {
        String whole = envelope(result(0, 0, "echo", "a"));
        int cut = whole.indexOf(json("'description':'inline'")) + 5;
        CollectingSink sink = read(whole.substring(0, cut));
        assertThat(sink.cases).hasSize(1);
        assertThat(sink.runs.get(0).name).as("the config was lost").isNull();
        assertThat(sink.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.locator()).isEqualTo("$.config");
            assertThat(rejection.rawText()).startsWith(json("'config':{'desc"));
            assertThat(rejection.reason()).contains("$.config and everything after it could not be read");
        });
    }

    @Test
    void aNullOrForeignElementIsRejectedAndTheOthersImport() throws IOException {
        CollectingSink sink = read(envelope(result(0, 0, "echo", "a"), "null", "[1,2]", json("{'foo':1}"),
                result(1, 0, "echo", "b")));
        assertThat(sink.cases).extracting(c -> c.testIndex).containsExactly(0, 1);
        assertThat(sink.rejections).extracting(Rejection::locator, Rejection::rawText).containsExactly(
                org.assertj.core.groups.Tuple.tuple("$.results.results[1]", "null"),
                org.assertj.core.groups.Tuple.tuple("$.results.results[2]", "[1,2]"),
                org.assertj.core.groups.Tuple.tuple("$.results.results[3]", "{\"foo\":1}"));
        assertThat(sink.rejections.get(0).reason()).contains("must be a JSON object, this is null");
        assertThat(sink.rejections.get(2).reason()).contains("not a promptfoo result");
    }

    @Test
    void invalidUtf8InsideAResultKeepsTheResultsBeforeIt() throws IOException {
        String before = envelope(result(0, 0, "echo", "a"), result(1, 0, "echo", "BAD"));
        int bad = before.indexOf("BAD");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(before.substring(0, bad).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
        bytes.writeBytes(before.substring(bad + 3).getBytes(StandardCharsets.UTF_8));
        CollectingSink sink = PromptfooFiles.read(reader, PromptfooFiles.write(dir, "bad.json", bytes.toByteArray()));
        assertThat(sink.cases).hasSize(1);
        assertThat(sink.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.locator()).isEqualTo("$.results.results[1]");
            assertThat(rejection.reason()).containsIgnoringCase("UTF-8");
        });
    }

    @Test
    void aFiftyMegabyteOutputImportsAndCostsNothingElse() throws IOException {
        String huge = result(1, 0, "echo", "b").replace(json("'output':'Q: b'"),
                json("'output':'") + "y".repeat(50 * 1024 * 1024) + "\"");
        CollectingSink sink = read(envelope(result(0, 0, "echo", "a"), huge, result(2, 0, "echo", "c")));
        assertThat(sink.rejections).isEmpty();
        assertThat(sink.cases).extracting(c -> c.testIndex).containsExactly(0, 1, 2);
        assertThat(sink.cases.get(1).actualOutput).hasSize(50 * 1024 * 1024);
    }

    @Test
    void unreadableFilesAreRefusedNamingTheFileAndWhatWasExpected() throws IOException {
        assertThatThrownBy(() -> read("")).isInstanceOf(IOException.class)
                .hasMessageContaining("results.json: the file is empty");
        assertThatThrownBy(() -> read("null")).hasMessageContaining("expected a JSON object but the content starts with null");
        assertThatThrownBy(() -> read("not json at all")).hasMessageContaining("not a promptfoo results.json");
        assertThatThrownBy(() -> read(json("{'evalId':'e','results':null}")))
                .hasMessageContaining("without a results.results array");
        assertThatThrownBy(() -> read(json("{'resourceSpans':[]}"))).hasMessageContaining("expected a JSON object with evalId");
        assertThatThrownBy(() -> read(json("{'a':"))).hasMessageContaining("breaks at line 1");
    }

    @Test
    void theSharedBadFilesAreNotClaimedAndAreRefusedWhenForced() throws IOException {
        List<FormatReader> readers = List.of(reader, new PromptfooJsonlReader(), new PromptfooCsvReader());
        for (String bad : List.of("empty.json", "empty.jsonl", "null.json", "truncated.json", "binary.png",
                "binary-named.jsonl", "not-a-zip.eval", "null-values.jsonl")) {
            Path file = PromptfooFiles.fixture("fixtures/bad/" + bad);
            for (FormatReader each : readers) {
                assertThat(each.confidence(PromptfooFiles.sniff(file))).as("%s for %s", each.format(), bad).isZero();
            }
        }
        for (String bad : List.of("empty.json", "null.json", "truncated.json", "binary.png", "null-values.jsonl",
                "truncated-last-line.jsonl")) {
            Path file = PromptfooFiles.fixture("fixtures/bad/" + bad);
            for (FormatReader each : readers) {
                assertThatThrownBy(() -> PromptfooFiles.read(each, file)).as("%s forced on %s", each.format(), bad)
                        .isInstanceOf(IOException.class).hasMessageStartingWith(bad + ": ");
            }
        }
    }

    @Test
    void anErroredCallWithoutGradingIsAnErrorCase() throws IOException {
        String errored = json("{'testIdx':0,'promptIdx':0,'provider':{'id':'openai:gpt-4o'},'prompt':{'raw':'hi',"
                + "'label':'hi'},'vars':{'q':'x'},'response':{'error':'API error: 500'},'error':'API error: 500',"
                + "'success':false,'score':0,'latencyMs':12,'gradingResult':null,'failureReason':2}");
        CanonicalEvalCase evalCase = read(envelope(errored)).cases.get(0);
        assertThat(evalCase.status).isEqualTo(CaseStatus.ERROR);
        assertThat(evalCase.errorMessage).isEqualTo("API error: 500");
        assertThat(evalCase.actualOutput).isNull();
        assertThat(evalCase.assertionsJson).isNull();
        assertThat(evalCase.costUsd).as("no cost reported").isNull();
    }

    @Test
    void anAssertSetIsFlattenedWithAPathToEachMember() throws IOException {
        String nested = json("{'testIdx':0,'promptIdx':0,'provider':'echo','prompt':{'raw':'hi','label':'hi'},"
                + "'vars':{'q':'x'},'response':{'output':'hi'},'success':false,'score':0.5,'failureReason':1,"
                + "'gradingResult':{'pass':false,'score':0.5,'reason':'r','componentResults':["
                + "{'pass':true,'score':1,'reason':'ok','assertion':{'type':'contains','value':'h','metric':'has-h'}},"
                + "{'pass':false,'score':0,'reason':'set failed','assertion':{'type':'assert-set','threshold':0.5},"
                + "'componentResults':[{'pass':false,'score':0,'reason':'no','assertion':{'type':'equals','value':'x'}},"
                + "{'pass':true,'score':1,'reason':'yes','assertion':{'type':'javascript','value':'true','weight':2}}]}]}}");
        JsonNode assertions = PromptfooFiles.tree(read(envelope(nested)).cases.get(0).assertionsJson);
        assertThat(assertions).extracting(a -> a.get("path").asText(), a -> a.get("type").asText())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("0", "contains"),
                        org.assertj.core.groups.Tuple.tuple("1", "assert-set"),
                        org.assertj.core.groups.Tuple.tuple("1.0", "equals"),
                        org.assertj.core.groups.Tuple.tuple("1.1", "javascript"));
        assertThat(assertions.get(0).get("metric").asText()).isEqualTo("has-h");
        assertThat(assertions.get(3).get("weight").asInt()).isEqualTo(2);
        assertThat(assertions.get(2).get("reason").asText()).isEqualTo("no");
    }

    @Test
    void aRepeatedTestGetsNumberedCaseKeysInFileOrder() throws IOException {
        CollectingSink sink = read(envelope(result(0, 0, "echo", "same"), result(1, 0, "echo", "same"),
                result(2, 0, "echo", "same"), result(3, 0, "echo", "other")));
        String key = sink.cases.get(0).caseKey;
        assertThat(sink.cases).extracting(c -> c.caseKey)
                .containsExactly(key, key + "#2", key + "#3", sink.cases.get(3).caseKey);
        assertThat(sink.cases.get(3).caseKey).doesNotContain("#");
    }

    @Test
    void aTestWithoutVariablesIsKnownByItsIndex() throws IOException {
        String noVars = json("{'testIdx':4,'promptIdx':0,'provider':'echo','prompt':{'raw':'hi','label':'hi'},"
                + "'vars':{},'response':{'output':'hi'},'success':true,'score':1}");
        assertThat(read(envelope(noVars)).cases.get(0).caseKey).isEqualTo("id:test-4");
    }

    @Test
    void aTraceIdOrTraceparentLinksTheCaseToItsTrace() throws IOException {
        String withTraceId = json("{'testIdx':0,'promptIdx':0,'provider':'echo','prompt':{'raw':'a','label':'a'},"
                + "'vars':{'q':'1'},'success':true,'traceId':'ABCDEF0123456789ABCDEF0123456789'}");
        String withTraceparent = json("{'testIdx':1,'promptIdx':0,'provider':'echo','prompt':{'raw':'b','label':'a'},"
                + "'vars':{'q':'2'},'success':true,'metadata':{'traceparent':"
                + "'00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'}}");
        CollectingSink sink = read(envelope(withTraceId, withTraceparent));
        assertThat(sink.cases.get(0).traceId).isEqualTo("abcdef0123456789abcdef0123456789");
        assertThat(sink.cases.get(1).traceId).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(sink.cases.get(1).spanId).isEqualTo("00f067aa0ba902b7");
    }

    @Test
    void aReviewersCommentBecomesAnAnnotationOfTheCase() throws IOException {
        String commented = json("{'testIdx':0,'promptIdx':0,'provider':'echo','prompt':{'raw':'a','label':'a'},"
                + "'vars':{'q':'1'},'success':true,'score':1,'gradingResult':{'pass':true,'score':1,'reason':'ok',"
                + "'comment':'tone is off'}}");
        CanonicalEvalCase evalCase = read(envelope(commented)).cases.get(0);
        assertThat(evalCase.checks).singleElement().satisfies(check -> {
            assertThat(check.source()).isEqualTo(CheckSource.ANNOTATION);
            assertThat(check.explanation()).isEqualTo("tone is off");
        });
    }

    @Test
    void promptfoosDefaultZeroCostIsUnknownButAReportedZeroIsKept() throws IOException {
        String defaultZero = json("{'testIdx':0,'promptIdx':0,'provider':'echo','prompt':{'raw':'a','label':'a'},"
                + "'vars':{'q':'1'},'response':{'output':'a'},'success':true,'cost':0}");
        String reportedZero = json("{'testIdx':1,'promptIdx':0,'provider':'echo','prompt':{'raw':'a','label':'a'},"
                + "'vars':{'q':'2'},'response':{'output':'a','cost':0},'success':true,'cost':0,"
                + "'tokenUsage':{'prompt':3,'completion':4,'total':7}}");
        CollectingSink sink = read(envelope(defaultZero, reportedZero));
        assertThat(sink.cases.get(0).costUsd).isNull();
        assertThat(sink.cases.get(1).costUsd).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(sink.cases.get(1).totalTokens).as("the result's tokenUsage when the response has none").isEqualTo(7L);
    }

    @Test
    void aStructuredOutputIsKeptAsJsonText() throws IOException {
        String structured = json("{'testIdx':0,'promptIdx':0,'provider':'echo','prompt':{'raw':'a','label':'a'},"
                + "'vars':{'q':'1'},'response':{'output':{'answer':42}},'success':true}");
        assertThat(read(envelope(structured)).cases.get(0).actualOutput).isEqualTo("{\"answer\":42}");
    }

    @Test
    void detectionNeedsThePromptfooEnvelopeNotJustAResultsKey() {
        assertThat(reader.confidence(Sniff.ofText("x.json", json("{'evalId':'e','results':{}}")))).isEqualTo(100);
        assertThat(reader.confidence(Sniff.ofText("x.json", json("{'results':{'version':3}}")))).isEqualTo(50);
        assertThat(reader.confidence(Sniff.ofText("x.json",
                json("{'version':2,'status':'success','eval':{},'plan':{},'results':{}}")))).isZero();
        assertThat(reader.confidence(Sniff.ofText("x.json", json("{'resourceSpans':[]}")))).isZero();
    }
}
