package dev.tracedesk.datasets.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracedesk.core.model.DatasetLinkKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * promptfoo test cases, as a YAML tests file or as a CSV with {@code __expected}.
 *
 * <p>The YAML is written by hand in block style, with every scalar a JSON string: JSON strings are
 * YAML double-quoted scalars, so quotes, {@code :}, {@code #}, newlines and unicode need no further
 * rules. The one gap is YAML 1.1's extra line breaks (U+0085, U+2028, U+2029), escaped here so a
 * YAML 1.1 parser does not fold them. Metadata is written as a JSON flow mapping for the same reason.
 */
final class PromptfooTests {

    private static final String METADATA_COLUMN = "__metadata:";
    private static final ObjectMapper YAML_SAFE_JSON = new ObjectMapper(new JsonFactory().setCharacterEscapes(new YamlEscapes()));

    private PromptfooTests() {
    }

    /** The vars a test gets: the item's vars, or its prompt as {@code prompt} when it has none. */
    static Map<String, String> vars(ExportItem item) {
        if (!item.vars().isEmpty()) {
            return new TreeMap<>(item.vars());
        }
        return item.prompt() == null ? Map.of() : Map.of("prompt", item.prompt());
    }

    /**
     * The keys that link a test back to its dataset version and item (decision 0017), after the
     * item's own metadata so an item cannot forge them. A draft export names the dataset and item only.
     */
    static Map<String, Object> link(ExportSource source, String itemKey) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put(DatasetLinkKeys.DATASET, source.dataset());
        if (!source.isDraft()) {
            link.put(DatasetLinkKeys.VERSION, source.version());
            String hash = source.contentHash();
            link.put(DatasetLinkKeys.CONTENT_HASH,
                    hash.startsWith(DatasetLinkKeys.HASH_PREFIX) ? hash : DatasetLinkKeys.HASH_PREFIX + hash);
        }
        link.put(DatasetLinkKeys.ITEM_KEY, itemKey);
        return link;
    }

    static Mapped<String> yaml(ExportSource source, ExportItem item, AssertionStyle style) {
        if (item.expectedOutput() == null) {
            return Mapped.skip("no expected output");
        }
        Map<String, String> vars = vars(item);
        if (vars.isEmpty()) {
            return Mapped.skip("no vars or prompt");
        }
        StringBuilder y = new StringBuilder();
        y.append("- description: ").append(scalar(item.itemKey())).append('\n');
        y.append("  vars:\n");
        vars.forEach((k, v) -> y.append("    ").append(scalar(k)).append(": ").append(scalar(literal(v))).append('\n'));
        y.append("  assert:\n");
        y.append("    - type: ").append(scalar(style.promptfooType())).append('\n');
        y.append("      value: ").append(scalar(literal(item.expectedOutput()))).append('\n');
        Map<String, Object> metadata = new LinkedHashMap<>(item.metadata());
        metadata.putAll(link(source, item.itemKey()));
        y.append("  metadata: ").append(json(ExportJson.value(metadata))).append('\n');
        return Mapped.of(y.toString());
    }

    /**
     * The CSV header: the union of the items' var names, then promptfoo's special columns, then one
     * {@code __metadata:KEY} column per link key (promptfoo keeps only those metadata columns).
     */
    static List<String> csvHeader(ExportSource source, List<ExportItem> items) {
        TreeSet<String> names = new TreeSet<>();
        items.forEach(i -> names.addAll(vars(i).keySet()));
        List<String> header = new ArrayList<>(names);
        header.add("__expected");
        header.add("__description");
        link(source, "").keySet()
                .forEach(key -> header.add(METADATA_COLUMN + key));
        return header;
    }

    static Mapped<List<String>> csvRow(ExportSource source, ExportItem item, AssertionStyle style, List<String> header) {
        if (item.expectedOutput() == null) {
            return Mapped.skip("no expected output");
        }
        Map<String, String> vars = vars(item);
        if (vars.isEmpty()) {
            return Mapped.skip("no vars or prompt");
        }
        Map<String, Object> link = link(source, item.itemKey());
        List<String> row = new ArrayList<>();
        for (String column : header) {
            if (column.equals("__expected")) {
                row.add(csvExpected(literal(item.expectedOutput()), style));
            } else if (column.equals("__description")) {
                row.add(item.itemKey());
            } else if (column.startsWith(METADATA_COLUMN)) {
                row.add(String.valueOf(link.get(column.substring(METADATA_COLUMN.length()))));
            } else {
                row.add(literal(vars.getOrDefault(column, "")));
            }
        }
        return Mapped.of(row);
    }

    /**
     * {@code __expected} with its assertion type always spelled out. promptfoo 0.121.20
     * ({@code assertionFromString} in its csv.ts) trims the cell, then reads {@code javascript:},
     * {@code fn:}, {@code eval:}, {@code grade:}, {@code llm-rubric:}, {@code python:}, {@code file://…}
     * and any {@code [not-]TYPE[(threshold)][:value]} as that assertion, and only what is left as
     * equals. So a bare expected output such as {@code "regex: yes"}, {@code "is-json"} or
     * {@code "fn: x"} would become another assertion, and a blank one none at all; {@code equals:}
     * in front keeps it equals. promptfoo trims the value after {@code equals:} and {@code contains:}
     * too, so surrounding whitespace of the expected output is lost in the CSV (the YAML keeps it).
     */
    static String csvExpected(String expected, AssertionStyle style) {
        return style.promptfooType() + ":" + expected;
    }

    /**
     * Text promptfoo will read as itself. promptfoo 0.121.20 renders assertion values, and test vars,
     * as Nunjucks templates: {@code {{ x }}}, {@code {% … %}} and {@code {# … #}} in an expected output
     * would be evaluated, and a stray {@code #}} is a render error that turns the test into an ERROR.
     * Each opening brace of such a pair, and the brace closing {@code #}}, is written as the expression
     * {@code {{ "{" }}} / {@code {{ "}" }}}, which renders back to the brace. Text without these pairs
     * is unchanged, so ordinary exports read as before; escaped values come back escaped in promptfoo's
     * results (the dataset keeps the original).
     */
    static String literal(String text) {
        if (text == null || !(text.contains("{{") || text.contains("{%") || text.contains("{#") || text.contains("#}"))) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '{' && (next == '{' || next == '%' || next == '#')) {
                out.append("{{ \"{\" }}");
            } else if (c == '}' && i > 0 && text.charAt(i - 1) == '#') {
                out.append("{{ \"}\" }}");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String scalar(String s) {
        return json(ExportJson.MAPPER.getNodeFactory().textNode(s));
    }

    private static String json(JsonNode node) {
        try {
            return YAML_SAFE_JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class YamlEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case 0x85 -> new SerializedString("\\u0085");
                case 0x2028 -> new SerializedString("\\u2028");
                case 0x2029 -> new SerializedString("\\u2029");
                case 0xFEFF -> new SerializedString("\\uFEFF");
                default -> null;
            };
        }
    }
}
