package dev.tracedesk.ingest.promptfoo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.ingest.source.JsonValues;

/**
 * The prompt columns of a promptfoo eval: one per (prompt template, provider), in promptIdx order,
 * as {@code results.prompts} (v3) or {@code results.table.head.prompts} (v2) list them, or as the
 * JSONL lines and CSV headers reveal them.
 */
final class PromptTemplates {

    /** A file that names more columns than this is not a real eval; the rest are not listed. */
    static final int MAX_TEMPLATES = 10_000;

    record Template(String label, String raw, String provider, String id) {
    }

    private final List<Template> templates = new ArrayList<>();
    private final Set<Template> seen = new java.util.HashSet<>();

    static PromptTemplates empty() {
        return new PromptTemplates();
    }

    /** From promptfoo's CompletedPrompt list: {raw, label (or display), provider, id, metrics}. */
    static PromptTemplates fromCompletedPrompts(JsonNode prompts) {
        PromptTemplates result = new PromptTemplates();
        if (prompts != null && prompts.isArray()) {
            for (JsonNode prompt : prompts) {
                if (prompt.isObject()) {
                    String label = JsonValues.text(prompt.get("label"));
                    result.add(new Template(label != null ? label : JsonValues.text(prompt.get("display")),
                            JsonValues.text(prompt.get("raw")),
                            PromptfooResultMapper.provider(prompt.get("provider")),
                            JsonValues.text(prompt.get("id"))));
                }
            }
        }
        return result;
    }

    void add(Template template) {
        if (templates.size() < MAX_TEMPLATES) {
            templates.add(template);
            seen.add(template);
        }
    }

    /** Adds the template unless an equal one is listed already. */
    void addIfNew(Template template) {
        if (!seen.contains(template)) {
            add(template);
        }
    }

    boolean isEmpty() {
        return templates.isEmpty();
    }

    List<Template> all() {
        return List.copyOf(templates);
    }

    /** The label of the template at promptIdx, or null. */
    String labelAt(Integer promptIdx) {
        if (promptIdx == null || promptIdx < 0 || promptIdx >= templates.size()) {
            return null;
        }
        return templates.get(promptIdx).label();
    }

    /** {@code [{label, raw, provider, id}]}, or null when there are none. */
    String toJson() {
        if (templates.isEmpty()) {
            return null;
        }
        ArrayNode array = JsonValues.MAPPER.createArrayNode();
        for (Template template : templates) {
            ObjectNode node = array.addObject();
            node.put("label", template.label());
            node.put("raw", template.raw());
            node.put("provider", template.provider());
            node.put("id", template.id());
        }
        return array.toString();
    }

    /** The distinct providers of the columns, in order; null when there are none. */
    String providersJson() {
        Set<String> providers = new LinkedHashSet<>();
        for (Template template : templates) {
            if (template.provider() != null && !template.provider().isEmpty()) {
                providers.add(template.provider());
            }
        }
        return providers.isEmpty() ? null : JsonValues.json(List.copyOf(providers));
    }
}
