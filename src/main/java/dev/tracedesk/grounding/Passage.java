package dev.tracedesk.grounding;

import java.util.List;

/** A sentence of a document the output appears to draw on: where it is, and the content words it shares with the output. */
public record Passage(int start, int end, List<String> sharedWords) {

    public Passage {
        sharedWords = List.copyOf(sharedWords);
    }
}
