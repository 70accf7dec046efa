package dev.tracedesk.evals.compare;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * promptfoo names a case's provider by its label when the config gave one, else by its id
 * (see the promptfoo reader). So the same model can be "openai:chat:gpt-4o-mini" in one run and
 * "mini" in the next, when only a label was added. This maps each provider name of a run to the
 * id behind it, from the run's config ({@code providers: [{id, label}]}); a name the config does
 * not explain maps to itself.
 */
final class ProviderAliases {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, String> idByName;

    private ProviderAliases(Map<String, String> idByName) {
        this.idByName = idByName;
    }

    static ProviderAliases fromConfig(String configJson) {
        Map<String, String> idByName = new HashMap<>();
        for (JsonNode provider : providers(configJson)) {
            String id = provider.path("id").asText("");
            String label = provider.path("label").asText("");
            if (!id.isBlank() && !label.isBlank()) {
                idByName.put(label, id);
            }
        }
        return new ProviderAliases(idByName);
    }

    String id(String providerName) {
        return idByName.getOrDefault(providerName, providerName);
    }

    private static Iterable<JsonNode> providers(String configJson) {
        if (configJson == null || configJson.isBlank()) {
            return List.of();
        }
        try {
            JsonNode providers = MAPPER.readTree(configJson).path("providers");
            return providers.isArray() ? providers : List.of();
        } catch (Exception unreadable) {
            // a config we cannot read explains no label; providers then match by name only
            return List.of();
        }
    }
}
