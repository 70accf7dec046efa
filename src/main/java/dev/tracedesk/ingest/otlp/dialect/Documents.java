package dev.tracedesk.ingest.otlp.dialect;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.model.CanonicalDocument;
import dev.tracedesk.ingest.source.JsonValues;

/** Retrieved documents from the dialects' shapes, with the source taken from their metadata. */
final class Documents {

    private static final String[] SOURCE_KEYS = {"source", "url", "uri", "file_path", "file_name"};

    private Documents() {
    }

    /** A document from {id, score, content, metadata} (OTel GenAI gen_ai.retrieval.documents). */
    static CanonicalDocument fromObject(int rank, JsonNode document) {
        return document(rank, document.get("id"), document.get("score"), document.get("content"), document.get("metadata"));
    }

    static CanonicalDocument document(int rank, JsonNode id, JsonNode score, JsonNode content, JsonNode metadata) {
        JsonNode structuredMetadata = Values.structured(metadata);
        String metadataJson;
        if (structuredMetadata == null) {
            metadataJson = Values.text(metadata);
        } else {
            // JSON text as written (it parsed); a structured value written out
            metadataJson = metadata.isTextual() ? metadata.textValue().strip() : structuredMetadata.toString();
        }
        return new CanonicalDocument(rank, Values.text(id), JsonValues.asDouble(score), Values.text(content),
                source(structuredMetadata), metadataJson);
    }

    private static String source(JsonNode metadata) {
        if (metadata == null || !metadata.isObject()) {
            return null;
        }
        for (String key : SOURCE_KEYS) {
            String value = Values.text(metadata.get(key));
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
