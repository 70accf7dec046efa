package dev.tracedesk.datasets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * Canonical JSON of items (keys sorted, no whitespace) and the hashes built on it: the content
 * hash of a version (SHA-256 over its items in item_key order) and item keys.
 */
final class CanonicalItems {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private CanonicalItems() {
    }

    /** One item as canonical JSON: every field but database ids of the version, keys sorted. */
    static String json(DatasetItem item) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("itemKey", item.itemKey());
        fields.put("split", item.split());
        fields.put("input", tree(item.inputJson()));
        fields.put("expectedOutput", item.expectedOutput());
        fields.put("sourceSpanId", item.sourceSpanId());
        fields.put("sourceEvalCaseId", item.sourceEvalCaseId());
        fields.put("servedModel", item.servedModel());
        fields.put("promptTemplateName", item.promptTemplateName());
        fields.put("promptTemplateVersion", item.promptTemplateVersion());
        fields.put("retrievedDocumentIds", item.retrievedDocumentIds());
        fields.put("reviewer", item.reviewer());
        fields.put("labelId", item.labelId());
        fields.put("metadata", tree(item.metadataJson()));
        try {
            return MAPPER.writeValueAsString(MAPPER.valueToTree(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 (hex) of the items' canonical JSON, one per line, in item_key order. */
    static String contentHash(List<DatasetItem> items) {
        MessageDigest digest = sha256();
        items.stream().sorted(java.util.Comparator.comparing(DatasetItem::itemKey)).forEach(item -> {
            digest.update(json(item).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** JSON text as a tree whose objects serialize with sorted keys; null and unreadable text as themselves. */
    static JsonNode tree(String json) {
        if (json == null) {
            return NullNode.getInstance();
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            // through a Map so ORDER_MAP_ENTRIES_BY_KEYS sorts nested objects too
            return MAPPER.valueToTree(MAPPER.convertValue(node, Object.class));
        } catch (JsonProcessingException e) {
            return MAPPER.getNodeFactory().textNode(json);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
