package dev.tracedesk.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tracedesk.grounding.SentenceGrounding;
import dev.tracedesk.grounding.Verdict;


class SpanGroundingTest {

    @Test
    void anLlmCallWithOutputAndContextHasAHint() {
        TraceDetail trace = new TraceBuilder()
                .span("chain", null, "CHAIN", 0L)
                .retriever("retrieve", "chain", 10L, "kb-1")
                .llm("llm", "chain", 20L, "The text of kb-1.")
                .build();

        assertThat(SpanGrounding.of(trace, trace.spans().get(2))).hasValueSatisfying(result ->
                assertThat(result.sentences()).extracting(SentenceGrounding::verdict).containsExactly(Verdict.SUPPORTED));
    }

    @Test
    void otherSpansCallsWithoutOutputAndCallsWithoutContextHaveNone() {
        TraceDetail trace = new TraceBuilder()
                .span("chain", null, "CHAIN", 0L)
                .llm("no-context", "chain", 5L, "An answer.")
                .retriever("retrieve", "chain", 10L, "kb-1")
                .add("no-output", "chain", "LLM", 20L, null, List.of(), List.of())
                .build();

        for (SpanDetail span : trace.spans()) {
            assertThat(SpanGrounding.of(trace, span)).as(span.spanId()).isEmpty();
        }
    }

    @Test
    void theOutputIsTheOutputMessagesJoinedByABlankLine() {
        SpanDetail span = new TraceBuilder().add("llm", null, "LLM", 0L, "ignored", List.of(
                new SpanMessage("INPUT", 0, "user", null, "question", null, null, null),
                new SpanMessage("OUTPUT", 0, "assistant", null, "First choice.", null, null, null),
                new SpanMessage("OUTPUT", 1, "assistant", null, null, "[{\"id\":\"call_1\"}]", null, null),
                new SpanMessage("OUTPUT", 2, "assistant", null, "Second choice.", null, null, null)), List.of())
                .build().spans().get(0);

        assertThat(SpanGrounding.outputText(span)).isEqualTo("First choice.\n\nSecond choice.");
    }

    @Test
    void withoutOutputMessagesTheOutputTextIsUsedUnlessItIsARawJsonResponse() {
        SpanDetail prose = new TraceBuilder().add("llm", null, "LLM", 0L, "Plain answer.", List.of(), List.of())
                .build().spans().get(0);
        SpanDetail json = new TraceBuilder().add("llm", null, "LLM", 0L, " {\"choices\":[]}", List.of(), List.of())
                .build().spans().get(0);

        assertThat(SpanGrounding.outputText(prose)).isEqualTo("Plain answer.");
        assertThat(SpanGrounding.outputText(json)).isNull();
    }
}
