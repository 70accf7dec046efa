package dev.tracedesk.traces;

import static dev.tracedesk.traces.TraceBuilder.documentIds;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tracedesk.grounding.GroundingDocument;


class RetrievedContextTest {

    @Test
    void aRagChainsCallDrawsOnTheRetrieverBesideIt() {
        TraceDetail trace = new TraceBuilder()
                .span("chain", null, "CHAIN", 0L)
                .retriever("retrieve", "chain", 10L, "kb-1", "kb-2")
                .llm("llm", "chain", 20L, "answer")
                .build();

        List<GroundingDocument> documents = RetrievedContext.of(trace, "llm");

        assertThat(documentIds(documents)).containsExactly("kb-1", "kb-2");
        assertThat(documents.get(0)).isEqualTo(new GroundingDocument("retrieve", 1, "kb-1", "text of kb-1"));
    }

    @Test
    void aCallsOwnDocumentsComeFirstAndAloneWhenItHasAny() {
        TraceDetail trace = new TraceBuilder()
                .span("chain", null, "CHAIN", 0L)
                .retriever("retrieve", "chain", 10L, "kb-1")
                .add("llm", "chain", "LLM", 20L, "answer", List.of(),
                        List.of(new SpanDocument(1, "own", 0.9, "own context", null, null)))
                .build();

        assertThat(documentIds(RetrievedContext.of(trace, "llm"))).containsExactly("own");
    }

    @Test
    void aRetrieverThatStartedAfterTheCallIsNotItsContext() {
        TraceDetail trace = new TraceBuilder()
                .span("chain", null, "CHAIN", 0L)
                .llm("llm", "chain", 20L, "answer")
                .retriever("later", "chain", 30L, "kb-late")
                .build();

        assertThat(RetrievedContext.of(trace, "llm")).isEmpty();
    }

    @Test
    void aRetrieverNestedInASiblingStepIsFound() {
        TraceDetail trace = new TraceBuilder()
                .span("chain", null, "CHAIN", 0L)
                .span("retrieval-step", "chain", "CHAIN", 5L)
                .retriever("retrieve", "retrieval-step", 10L, "kb-1")
                .llm("llm", "chain", 20L, "answer")
                .build();

        assertThat(documentIds(RetrievedContext.of(trace, "llm"))).containsExactly("kb-1");
    }

    @Test
    void theNearestRetrievalWinsOverAnEarlierTurns() {
        TraceDetail trace = new TraceBuilder()
                .span("agent", null, "AGENT", 0L)
                .span("turn-1", "agent", "CHAIN", 1L)
                .retriever("retrieve-1", "turn-1", 2L, "old")
                .span("turn-2", "agent", "CHAIN", 10L)
                .retriever("retrieve-2", "turn-2", 11L, "new")
                .llm("llm", "turn-2", 12L, "answer")
                .build();

        assertThat(documentIds(RetrievedContext.of(trace, "llm"))).containsExactly("new");
    }

    @Test
    void aRetrieverInsideTheCallsOwnSubtreeIsNotTakenFromAbove() {
        TraceDetail trace = new TraceBuilder()
                .span("chain", null, "CHAIN", 0L)
                .llm("llm", "chain", 10L, "answer")
                .retriever("tool-search", "llm", 10L, "inside")
                .retriever("retrieve", "chain", 5L, "beside")
                .build();

        assertThat(documentIds(RetrievedContext.of(trace, "llm"))).containsExactly("beside");
    }

    @Test
    void aCallWithoutAnAncestorTakesAnyEarlierRetrieverOfTheTrace() {
        TraceDetail trace = new TraceBuilder()
                .retriever("retrieve", "missing-parent", 5L, "kb-1")
                .llm("llm", null, 10L, "answer")
                .build();

        assertThat(documentIds(RetrievedContext.of(trace, "llm"))).containsExactly("kb-1");
    }

    @Test
    void unknownStartTimesCountAsBefore() {
        TraceDetail trace = new TraceBuilder()
                .span("chain", null, "CHAIN", null)
                .retriever("retrieve", "chain", null, "kb-1")
                .llm("llm", "chain", 20L, "answer")
                .build();

        assertThat(documentIds(RetrievedContext.of(trace, "llm"))).containsExactly("kb-1");
    }

    @Test
    void anUnknownSpanOrAParentCycleGivesNoContextAndNoHang() {
        TraceDetail cycle = new TraceBuilder()
                .span("a", "b", "CHAIN", 0L)
                .span("b", "a", "CHAIN", 0L)
                .llm("llm", "a", 10L, "answer")
                .build();

        assertThat(RetrievedContext.of(cycle, "llm")).isEmpty();
        assertThat(RetrievedContext.of(cycle, "nope")).isEmpty();
    }
}
