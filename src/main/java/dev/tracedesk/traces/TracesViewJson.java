package dev.tracedesk.traces;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@link TracesViewDefinition} as the JSON kept in {@code saved_view.definition_json}. The reader
 * is tolerant, so views outlive the build that saved them: unknown keys are ignored, a missing key
 * takes its default (a view saved before "labeled" existed shows labeled and unlabeled rows alike),
 * and an unknown sort column falls back to newest first. Only what cannot mean
 * anything — text that is not a JSON object, a field of the wrong type — is refused, in words.
 */
public final class TracesViewJson {

    static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private TracesViewJson() {
    }

    public static String write(TracesViewDefinition view) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ObjectNode filter = root.putObject("filter");
        TraceFilter f = view.filter();
        putIfSet(filter, "fromNs", f.fromNs());
        putIfSet(filter, "toNs", f.toNs());
        putIfSet(filter, "provider", f.provider());
        putIfSet(filter, "servedModel", f.servedModel());
        putIfSet(filter, "requestedModel", f.requestedModel());
        putIfSet(filter, "promptName", f.promptName());
        putIfSet(filter, "promptVersion", f.promptVersion());
        putIfSet(filter, "kind", f.kind());
        putIfSet(filter, "status", f.status());
        if (f.hasError() != null) {
            filter.put("hasError", f.hasError());
        }
        putIfSet(filter, "minLatencyNs", f.minLatencyNs());
        putIfSet(filter, "maxLatencyNs", f.maxLatencyNs());
        // Costs as strings: a decimal keeps its exact digits, a JSON number may not in other readers.
        putIfSet(filter, "minCostUsd", f.minCostUsd() == null ? null : f.minCostUsd().toPlainString());
        putIfSet(filter, "maxCostUsd", f.maxCostUsd() == null ? null : f.maxCostUsd().toPlainString());
        putIfSet(filter, "importId", f.importId());
        if (f.labeled() != null) {
            filter.put("labeled", f.labeled());
        }
        putIfSet(filter, "traceName", f.traceName());
        root.put("search", view.searchText());
        root.put("llmCalls", view.llmCalls());
        ObjectNode sort = root.putObject("sort");
        sort.put("column", view.sort().column().name());
        sort.put("ascending", view.sort().ascending());
        ArrayNode columns = root.putArray("columns");
        view.columns().forEach(column -> columns.addObject().put("id", column.id()).put("width", column.width()));
        return root.toString();
    }

    /** @throws UnreadableViewException saying what is wrong, when the text cannot be a view */
    public static TracesViewDefinition read(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            throw new UnreadableViewException("it is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new UnreadableViewException("it is not a JSON object");
        }
        JsonNode f = root.path("filter");
        TraceFilter filter = new TraceFilter(whole(f, "fromNs"), whole(f, "toNs"), text(f, "provider"),
                text(f, "servedModel"), text(f, "requestedModel"), text(f, "promptName"), text(f, "promptVersion"),
                text(f, "kind"), text(f, "status"), bool(f, "hasError"), whole(f, "minLatencyNs"),
                whole(f, "maxLatencyNs"), decimal(f, "minCostUsd"), decimal(f, "maxCostUsd"), whole(f, "importId"),
                bool(f, "labeled"), text(f, "traceName"), null);
        String search = text(root, "search");
        Boolean llmCalls = bool(root, "llmCalls");
        return new TracesViewDefinition(filter, search, Boolean.TRUE.equals(llmCalls), sort(root.path("sort")),
                columns(root.path("columns")));
    }

    private static TraceSort sort(JsonNode node) {
        String column = text(node, "column");
        Boolean ascending = bool(node, "ascending");
        try {
            return column == null ? TraceSort.NEWEST_FIRST
                    : new TraceSort(TraceSort.Column.valueOf(column.toUpperCase(Locale.ROOT)), Boolean.TRUE.equals(ascending));
        } catch (IllegalArgumentException unknownColumn) {
            return TraceSort.NEWEST_FIRST;
        }
    }

    private static List<TracesViewDefinition.ViewColumn> columns(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new UnreadableViewException("\"columns\" is not a list");
        }
        List<TracesViewDefinition.ViewColumn> columns = new ArrayList<>();
        for (JsonNode column : node) {
            String id = text(column, "id");
            Long width = whole(column, "width");
            if (id != null) {
                columns.add(new TracesViewDefinition.ViewColumn(id, width == null ? 0 : width.intValue()));
            }
        }
        return columns;
    }

    private static void putIfSet(ObjectNode node, String field, Object value) {
        if (value instanceof Long number) {
            node.put(field, number);
        } else if (value != null) {
            node.put(field, value.toString());
        }
    }

    private static JsonNode present(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = present(node, field);
        if (value != null && !value.isTextual()) {
            throw new UnreadableViewException("\"" + field + "\" is not text");
        }
        return value == null ? null : value.asText();
    }

    private static Long whole(JsonNode node, String field) {
        JsonNode value = present(node, field);
        if (value != null && !(value.isIntegralNumber() && value.canConvertToLong())) {
            throw new UnreadableViewException("\"" + field + "\" is not a whole number");
        }
        return value == null ? null : value.asLong();
    }

    private static Boolean bool(JsonNode node, String field) {
        JsonNode value = present(node, field);
        if (value != null && !value.isBoolean()) {
            throw new UnreadableViewException("\"" + field + "\" is not true or false");
        }
        return value == null ? null : value.asBoolean();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = present(node, field);
        try {
            return value == null ? null : new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            throw new UnreadableViewException("\"" + field + "\" is not a number");
        }
    }
}
