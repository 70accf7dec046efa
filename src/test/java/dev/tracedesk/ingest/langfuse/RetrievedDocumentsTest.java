package dev.tracedesk.ingest.langfuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.tracedesk.ingest.model.CanonicalDocument;
import dev.tracedesk.ingest.source.JsonValues;

/** Retriever outputs the fixtures do not already show. */
class RetrievedDocumentsTest {

    @Test
    void llamaIndexNodesWithScoresUnderAKeyAreDocuments() throws Exception {
        var documents = RetrievedDocuments.read(JsonValues.MAPPER.readTree("{\"nodes\":[{\"node\":{\"id_\":\"n-1\","
                + "\"text\":\"First\",\"metadata\":{\"file_name\":\"a.pdf\"}},\"score\":0.7},{\"node\":{\"id_\":\"n-2\",\"text\":\"Second\"},\"score\":0.5}]}"));
        assertThat(documents).extracting(CanonicalDocument::rank, CanonicalDocument::documentId, CanonicalDocument::score,
                        CanonicalDocument::content, CanonicalDocument::source)
                .containsExactly(tuple(0, "n-1", 0.7, "First", "a.pdf"), tuple(1, "n-2", 0.5, "Second", null));
    }

    @Test
    void plainStringsAreDocumentsWithContentOnly() throws Exception {
        assertThat(RetrievedDocuments.read(JsonValues.MAPPER.readTree("[\"alpha\",\"beta\"]")))
                .extracting(CanonicalDocument::rank, CanonicalDocument::content).containsExactly(tuple(0, "alpha"), tuple(1, "beta"));
    }

    @Test
    void anOutputWithAnElementThatIsNoDocumentGivesNone() throws Exception {
        assertThat(RetrievedDocuments.read(JsonValues.MAPPER.readTree("[{\"id\":\"d1\",\"content\":\"x\"},{\"weight\":3}]"))).isEmpty();
        assertThat(RetrievedDocuments.read(JsonValues.MAPPER.readTree("{\"answer\":\"no list here\"}"))).isEmpty();
        assertThat(RetrievedDocuments.read(null)).isEmpty();
    }
}
