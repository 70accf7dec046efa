package dev.tracedesk.datasets.export;

import java.util.List;
import java.util.Map;

/**
 * One dataset item as exporters see it; the store maps its rows to this. Input is {@code messages}
 * when there are any, else {@code prompt}. Null collections are read as empty, and vars without a value dropped.
 */
public record ExportItem(String itemKey, String split, List<ExportMessage> messages, Map<String, String> vars,
        String prompt, String expectedOutput, String originalOutput, Map<String, Object> metadata) {

    public ExportItem {
        if (itemKey == null || itemKey.isBlank()) {
            throw new IllegalArgumentException("an export item needs an item key");
        }
        messages = messages == null ? List.of() : List.copyOf(messages);
        vars = vars == null ? Map.of() : vars.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }

    /** The input as chat messages: the messages, or the prompt as one user message. */
    public List<ExportMessage> inputMessages() {
        if (!messages.isEmpty() || prompt == null) {
            return messages;
        }
        return List.of(new ExportMessage("user", prompt));
    }
}
