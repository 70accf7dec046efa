package dev.tracedesk.ingest.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The stable key of an eval case, so that two runs of the same tests compare case by case even when
 * the tests were re-ordered or their descriptions edited: a hash of the test's variables in
 * canonical form (keys sorted at every level). Without variables, the source's own sample id.
 * Decision: docs/decisions/0005-case-keys.md.
 */
public final class CaseKeys {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CaseKeys() {
    }

    /** "v:" + the first 20 hex characters of SHA-256 over the canonical JSON of the variables. */
    public static String fromVars(JsonNode vars) {
        return "v:" + sha256(MAPPER.valueToTree(canonical(vars)).toString()).substring(0, 20);
    }

    /** For sources whose samples carry their own stable id (Inspect sample id, oaieval sample_id). */
    public static String fromSampleId(String sampleId) {
        return "id:" + sampleId;
    }

    public static boolean hasVars(JsonNode vars) {
        return vars != null && vars.isObject() && vars.size() > 0;
    }

    private static Object canonical(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> sorted = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = ((ObjectNode) node).fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                sorted.put(field.getKey(), canonical(field.getValue()));
            }
            return sorted;
        }
        if (node.isArray()) {
            java.util.List<Object> items = new java.util.ArrayList<>();
            node.forEach(item -> items.add(canonical(item)));
            return items;
        }
        return node;
    }

    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
