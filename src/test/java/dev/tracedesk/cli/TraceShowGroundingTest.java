package dev.tracedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.FormatReaders;
import dev.tracedesk.ingest.ImportService;
import dev.tracedesk.ingest.TestImports;

/**
 * {@code trace show} on the OpenInference RAG traces (fixtures/openinference): the groundedness
 * hint of each LLM call against the documents its sibling RETRIEVER span returned.
 */
class TraceShowGroundingTest {

    private static final String RIGHT_ANSWER = "9bae1a2583acbcafa287c77573c852a5";
    private static final String WRONG_WARRANTY = "ca6d2fd0def76419239d9e6e7e0dc306";
    private static final String WRONG_SHIPPING = "3022d5b779c3309899cf93a0002c05c0";
    private static final String LLM_OF_RIGHT_ANSWER = "859c85dd531986a7";

    @TempDir
    Path tempDir;

    private static Consumer<DSLContext> importing(String fixture) {
        return dsl -> {
            try {
                Path file = Path.of(TraceShowGroundingTest.class.getResource("/fixtures/" + fixture).toURI());
                new ImportService(dsl, FormatReaders.standard()).importFile(file, Optional.empty(), TestImports.NEVER_CANCELLED);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static JsonNode span(JsonNode trace, String spanId) {
        for (JsonNode span : trace.get("spans")) {
            if (span.get("spanId").asText().equals(spanId)) {
                return span;
            }
        }
        throw new AssertionError("no span " + spanId);
    }

    private static JsonNode llm(JsonNode trace) {
        for (JsonNode span : trace.get("spans")) {
            if (span.get("kind").asText().equals("LLM")) {
                return span;
            }
        }
        throw new AssertionError("no LLM span");
    }

    /** Ranks are the source's: OpenInference counts retrieved documents from 0. */
    @Test
    void anAnswerCopiedFromTheRetrievedPolicyIsSupportedSentenceBySentence() {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli("h2", tempDir, importing("openinference/rag-trace.json"))) {
            assertThat(cli.run("trace", "show", RIGHT_ANSWER, "--json")).as(cli.err()).isZero();

            JsonNode trace = cli.json();
            assertThat(span(trace, LLM_OF_RIGHT_ANSWER).get("grounding").toString()).isEqualTo("[{"
                    + "\"sentence\":\"You can return an item within 30 days of delivery for a full refund.\","
                    + "\"start\":0,\"end\":68,\"support\":1,\"verdict\":\"supported\",\"documents\":["
                    + "{\"rank\":0,\"documentId\":\"kb-returns-001\",\"score\":1},"
                    + "{\"rank\":1,\"documentId\":\"kb-returns-003\",\"score\":0.429},"
                    + "{\"rank\":2,\"documentId\":\"kb-shipping-004\",\"score\":0.143}],"
                    + "\"missingWords\":[]}]");
            for (JsonNode span : trace.get("spans")) {
                if (!span.get("spanId").asText().equals(LLM_OF_RIGHT_ANSWER)) {
                    assertThat(span.get("grounding").toString()).as(span.get("name").asText()).isEqualTo("[]");
                }
            }
        }
    }

    @Test
    void aWrongNumberInTheAnswerMakesItsSentenceWeakAndNamesTheNumber() {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli("h2", tempDir, importing("openinference/traces.jsonl"))) {
            assertThat(cli.run("trace", "show", WRONG_WARRANTY, "--json")).as(cli.err()).isZero();

            JsonNode sentence = llm(cli.json()).get("grounding").get(0);
            assertThat(sentence.get("sentence").asText()).isEqualTo("The X200 headphones come with a 2-year warranty.");
            assertThat(sentence.get("support").toString()).isEqualTo("0.833");
            assertThat(sentence.get("verdict").asText()).isEqualTo("weak");
            assertThat(sentence.at("/documents/0/documentId").asText()).isEqualTo("kb-warranty-002");
            assertThat(sentence.get("missingWords").toString()).isEqualTo("[\"2\"]");
        }
    }

    @Test
    void withoutJsonOnlyWeakAndUnsupportedSentencesGetAGroundingHintLine() {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli("h2", tempDir, importing("openinference/traces.jsonl"))) {
            assertThat(cli.run("trace", "show", WRONG_WARRANTY)).as(cli.err()).isZero();
            assertThat(cli.out()).contains("? grounding hint: weak 0.83 \"The X200 headphones come with a 2-year "
                    + "warranty.\" — 5 of 6 content words of this sentence appear in document kb-warranty-002; "
                    + "not in it: 2; a number that document lacks makes the sentence weak at best.");

            assertThat(cli.run("trace", "show", RIGHT_ANSWER)).as(cli.err()).isZero();
            assertThat(cli.out()).doesNotContain("grounding hint");
        }
    }

    /** Decision 0011: word overlap cannot see that "only the United States" contradicts the documents. */
    @Test
    void aContradictionInTheDocumentsOwnWordsStillLooksSupported() {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli("h2", tempDir, importing("openinference/traces.jsonl"))) {
            assertThat(cli.run("trace", "show", WRONG_SHIPPING, "--json")).as(cli.err()).isZero();

            JsonNode sentence = llm(cli.json()).get("grounding").get(0);
            assertThat(sentence.get("sentence").asText()).isEqualTo("No, we only ship within the United States.");
            assertThat(sentence.get("verdict").asText()).isEqualTo("supported");
        }
    }
}
