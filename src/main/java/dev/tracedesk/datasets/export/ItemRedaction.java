package dev.tracedesk.datasets.export;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies a redactor to every text of an item: messages, vars, prompt, outputs and metadata strings. */
final class ItemRedaction {

    private ItemRedaction() {
    }

    static ExportItem apply(Redactor r, ExportItem item) {
        List<ExportMessage> messages = item.messages().stream()
                .map(m -> new ExportMessage(m.role(), r.redact(m.content()))).toList();
        Map<String, String> vars = new LinkedHashMap<>();
        item.vars().forEach((k, v) -> vars.put(k, r.redact(v)));
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) value(r, item.metadata());
        return new ExportItem(item.itemKey(), item.split(), messages, vars, r.redact(item.prompt()),
                r.redact(item.expectedOutput()), r.redact(item.originalOutput()), metadata);
    }

    private static Object value(Redactor r, Object value) {
        if (value instanceof String s) {
            return r.redact(s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, value(r, v)));
            return out;
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(value(r, v)));
            return out;
        }
        return value;
    }
}
