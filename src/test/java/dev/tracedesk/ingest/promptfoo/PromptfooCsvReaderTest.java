package dev.tracedesk.ingest.promptfoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tracedesk.core.model.CaseStatus;
import dev.tracedesk.core.model.CheckSource;
import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.model.CanonicalEvalCase;
import dev.tracedesk.ingest.model.Rejection;
import dev.tracedesk.ingest.source.Sniff;

/** results.csv in both layouts promptfoo has written, built inline as its writers build them. */
class PromptfooCsvReaderTest {

    @TempDir
    Path dir;

    private final PromptfooCsvReader reader = new PromptfooCsvReader();

    private static final String SPLIT_HEADER = "Description,q,expected,"
            + "[echo] Q: {{q}},Status,Score,Named Scores,Grader Reason,Comment,"
            + "[openai:gpt-4o] Q: {{q}},Status,Score,Named Scores,Grader Reason,Comment\n";

    private CollectingSink read(String content) throws IOException {
        return PromptfooFiles.read(reader, PromptfooFiles.write(dir, "results.csv", content));
    }

    @Test
    void theSplitLayoutGivesACasePerRowAndPromptColumn() throws IOException {
        CollectingSink sink = read(SPLIT_HEADER
                + "greets,hello,hello,Q: hello,PASS,1.00,\"{\"\"exact\"\":1}\",All assertions passed,,"
                + "\"Hello!\nHow can I help?\",FAIL,0.50,,\"Expected output to equal \"\"hello\"\"\",needs work\n"
                + ",bye,,,,,,,,Q: bye,ERROR,0.00,,,\n");
        assertThat(sink.runs).singleElement().satisfies(run -> {
            assertThat(run.externalRunId).matches("sha256:[0-9a-f]{32}");
            assertThat(run.name).isEqualTo("results.csv");
            assertThat(run.providersJson).isEqualTo("[\"echo\",\"openai:gpt-4o\"]");
            assertThat(run.promptsJson).contains("\"label\":\"Q: {{q}}\"");
        });
        assertThat(sink.cases).extracting(c -> c.testIndex, c -> c.provider, c -> c.promptLabel, c -> c.status)
                .containsExactly(
                        tuple(0, "echo", "Q: {{q}}", CaseStatus.PASS),
                        tuple(0, "openai:gpt-4o", "Q: {{q}}", CaseStatus.FAIL),
                        tuple(1, "openai:gpt-4o", "Q: {{q}}", CaseStatus.ERROR));
        CanonicalEvalCase pass = sink.cases.get(0);
        assertThat(pass.description).isEqualTo("greets");
        assertThat(pass.varsJson).isEqualTo("{\"q\":\"hello\",\"expected\":\"hello\"}");
        assertThat(pass.expectedOutput).isEqualTo("hello");
        assertThat(pass.actualOutput).isEqualTo("Q: hello");
        assertThat(pass.score).isEqualTo(1.0);
        assertThat(pass.namedScoresJson).isEqualTo("{\"exact\":1}");
        assertThat(pass.errorMessage).isNull();
        assertThat(pass.caseKey).isEqualTo(sink.cases.get(1).caseKey);
        CanonicalEvalCase fail = sink.cases.get(1);
        assertThat(fail.actualOutput).isEqualTo("Hello!\nHow can I help?");
        assertThat(fail.errorMessage).isEqualTo("Expected output to equal \"hello\"");
        assertThat(fail.checks).singleElement().satisfies(check -> {
            assertThat(check.source()).isEqualTo(CheckSource.ANNOTATION);
            assertThat(check.explanation()).isEqualTo("needs work");
        });
        CanonicalEvalCase error = sink.cases.get(2);
        assertThat(error.varsJson).as("an empty cell is an absent variable").isEqualTo("{\"q\":\"bye\"}");
        assertThat(error.actualOutput).isEqualTo("Q: bye");
        assertThat(sink.rejections).isEmpty();
    }

    @Test
    void theCombinedLayoutIsReadFromItsCellText() throws IOException {
        CollectingSink sink = read("q,[echo] Q: {{q}}\n"
                + "hello,\"[PASS] (1.00)\n\nQ: hello\n\nPass Reason: All assertions passed\"\n"
                + "bye,\"[FAIL] (0.33, tone: 0.50, facts: 1.00)\n\n      line one\nline two\n\n      Fail Reason: "
                + "Expected output to contain \"\"ciao\"\"\"\n"
                + "err,\"[ERROR] (0.00)\n\nboom: API error\"\n");
        assertThat(sink.cases).extracting(c -> c.status, c -> c.score).containsExactly(
                tuple(CaseStatus.PASS, 1.0), tuple(CaseStatus.FAIL, 0.33), tuple(CaseStatus.ERROR, 0.0));
        assertThat(sink.cases.get(0).actualOutput).isEqualTo("Q: hello");
        assertThat(sink.cases.get(1).actualOutput).isEqualTo("line one\nline two");
        assertThat(sink.cases.get(1).errorMessage).isEqualTo("Expected output to contain \"ciao\"");
        assertThat(sink.cases.get(1).namedScoresJson).isEqualTo("{\"tone\":0.5,\"facts\":1.0}");
        assertThat(sink.cases.get(2).errorMessage).isEqualTo("boom: API error");
    }

    @Test
    void aRowThatDoesNotFitTheHeaderIsRejectedAndTheOthersImport() throws IOException {
        CollectingSink sink = read(SPLIT_HEADER
                + "d,a,,x,PASS,1.00,,,,,,,,,\n"
                + "too,short\n"
                + "d,b,,x,MAYBE,1.00,,,,,,,,,\n"
                + "d,c,,x,PASS,1.00,,,,y,PASS,1.00,,,\n");
        assertThat(sink.cases).extracting(c -> c.varsJson)
                .containsExactly("{\"q\":\"a\"}", "{\"q\":\"c\"}", "{\"q\":\"c\"}");
        assertThat(sink.rejections).extracting(Rejection::locator, Rejection::lineNumber).containsExactly(
                tuple("line 3", 3L), tuple("line 4, column 4", 4L));
        assertThat(sink.rejections.get(0).reason()).isEqualTo("the row has 2 fields, the header has 15");
        assertThat(sink.rejections.get(1).reason()).contains("\"MAYBE\", expected PASS, FAIL or ERROR");
        assertThat(sink.rejections.get(1).rawText()).isEqualTo("d,b,,x,MAYBE,1.00,,,,,,,,,");
    }

    @Test
    void anUnclosedQuoteAtTheEndIsRejectedWithTheRestOfTheFile() throws IOException {
        CollectingSink sink = read(SPLIT_HEADER + "d,a,,x,PASS,1.00,,,,,,,,,\nd,b,,\"never closed,PASS\n");
        assertThat(sink.cases).hasSize(1);
        assertThat(sink.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.lineNumber()).isEqualTo(3L);
            assertThat(rejection.rawText()).isEqualTo("d,b,,\"never closed,PASS");
        });
    }

    @Test
    void aCsvWithoutPromptColumnsOrContentIsRefused() {
        assertThatThrownBy(() -> read("")).isInstanceOf(IOException.class).hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> read("name,age\nbob,3\n")).isInstanceOf(IOException.class)
                .hasMessageContaining("results.csv: not promptfoo CSV output");
    }

    @Test
    void detectionKnowsBothLayoutsFromTheHeader() {
        assertThat(reader.confidence(Sniff.ofText("r.csv", SPLIT_HEADER))).isEqualTo(80);
        assertThat(reader.confidence(Sniff.ofText("r.csv", "q,[echo] Q: {{q}}\nx,[PASS] (1.00) x\n"))).isEqualTo(70);
        assertThat(reader.confidence(Sniff.ofText("r.csv", "q,\"[echo] Q: line one\nline two\"\n"))).isEqualTo(70);
        assertThat(reader.confidence(Sniff.ofText("r.csv", "name,age\n"))).isZero();
        assertThat(reader.confidence(Sniff.ofText("r.json", "{\"evalId\":\"x\",\"results\":{}}"))).isZero();
    }
}
