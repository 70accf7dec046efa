package dev.tracedesk.evals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The provider ids in a run's {@code providers_json}: an array of ids, or of objects with an
 * {@code id} (else a {@code label}). Anything else names no provider, so the caller falls back.
 */
final class ProviderIds {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProviderIds() {
    }

    static List<String> parse(String providersJson) {
        if (providersJson == null || providersJson.isBlank()) {
            return List.of();
        }
        JsonNode array;
        try {
            array = MAPPER.readTree(providersJson);
        } catch (JsonProcessingException notJson) {
            return List.of();
        }
        if (array == null || !array.isArray()) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode element : array) {
            String id = element.isTextual() ? element.asText() : element.path("id").isTextual()
                    ? element.path("id").asText() : element.path("label").isTextual() ? element.path("label").asText() : null;
            if (id != null && !id.isBlank()) {
                ids.add(id);
            }
        }
        return new ArrayList<>(ids);
    }
}
