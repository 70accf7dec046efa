package dev.tracedesk.ingest.langfuse;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.model.CanonicalDocument;
import dev.tracedesk.ingest.source.JsonValues;

/**
 * The documents in a RETRIEVER observation's output, in the shapes retrievers hand Langfuse: a
 * list (or {documents | docs | nodes | results: [...]}) of {id, content, score, metadata},
 * LangChain Documents {page_content, metadata}, LlamaIndex nodes with a score {node: {...},
 * score}, or plain strings. All or nothing: when one element is none of these the output is not
 * read as documents, and its raw text stays the span's output.
 */
final class RetrievedDocuments {

    private static final String[] LIST_KEYS = {"documents", "docs", "nodes", "results"};
    private static final String[] CONTENT_KEYS = {"page_content", "pageContent", "content", "text"};
    private static final String[] ID_KEYS = {"id", "document_id", "documentId", "doc_id", "node_id", "id_"};
    private static final String[] SCORE_KEYS = {"score", "relevance_score", "similarity", "similarity_score"};
    private static final String[] SOURCE_KEYS = {"source", "url", "file_path", "file_name"};

    private RetrievedDocuments() {
    }

    static List<CanonicalDocument> read(JsonNode output) {
        JsonNode list = listIn(output);
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<CanonicalDocument> documents = new ArrayList<>(list.size());
        for (JsonNode element : list) {
            CanonicalDocument document = document(documents.size(), element);
            if (document == null) {
                return List.of();
            }
            documents.add(document);
        }
        return documents;
    }

    private static JsonNode listIn(JsonNode output) {
        if (output == null) {
            return null;
        }
        if (output.isArray()) {
            return output;
        }
        if (output.isObject()) {
            for (String key : LIST_KEYS) {
                JsonNode list = output.get(key);
                if (list != null && list.isArray()) {
                    return list;
                }
            }
        }
        return null;
    }

    private static CanonicalDocument document(int rank, JsonNode element) {
        if (element.isTextual()) {
            return new CanonicalDocument(rank, null, null, element.textValue(), null, null);
        }
        if (!element.isObject()) {
            return null;
        }
        JsonNode node = element.has("node") && element.get("node").isObject() ? element.get("node") : element;
        JsonNode metadata = node.has("metadata") && node.get("metadata").isObject() ? node.get("metadata") : null;
        String content = ChatMessages.contentText(first(node, CONTENT_KEYS));
        String id = JsonValues.text(first(node, ID_KEYS));
        if (id == null && metadata != null) {
            id = JsonValues.text(first(metadata, ID_KEYS));
        }
        if (content == null && id == null) {
            return null;
        }
        Double score = JsonValues.asDouble(first(element, SCORE_KEYS));
        if (score == null && node != element) {
            score = JsonValues.asDouble(first(node, SCORE_KEYS));
        }
        if (score == null && metadata != null) {
            score = JsonValues.asDouble(first(metadata, SCORE_KEYS));
        }
        String source = JsonValues.text(first(node, SOURCE_KEYS));
        if (source == null && metadata != null) {
            source = JsonValues.text(first(metadata, SOURCE_KEYS));
        }
        return new CanonicalDocument(rank, id, score, content, source, JsonValues.json(metadata));
    }

    private static JsonNode first(JsonNode node, String[] keys) {
        for (String key : keys) {
            JsonNode value = node.get(key);
            if (JsonValues.present(value) && !(value.isTextual() && value.textValue().isEmpty())) {
                return value;
            }
        }
        return null;
    }
}
