package dev.tracedesk.grounding;

import java.util.List;

/** The passages of one document the output appears to draw on, in document order; empty when none. */
public record DocumentPassages(GroundingDocument document, List<Passage> passages) {

    public DocumentPassages {
        passages = List.copyOf(passages);
    }
}
