package dev.tracedesk.datasets.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
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

    static Mapped<String> yaml(ExportItem item, AssertionStyle style) {
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
        vars.forEach((k, v) -> y.append("    ").append(scalar(k)).append(": ").append(scalar(v)).append('\n'));
        y.append("  assert:\n");
        y.append("    - type: ").append(scalar(style.promptfooType())).append('\n');
        y.append("      value: ").append(scalar(item.expectedOutput())).append('\n');
        y.append("  metadata: ").append(json(ExportJson.value(item.metadata()))).append('\n');
        return Mapped.of(y.toString());
    }

    /** The CSV header: the union of the items' var names, then promptfoo's special columns. */
    static List<String> csvHeader(List<ExportItem> items) {
        TreeSet<String> names = new TreeSet<>();
        items.forEach(i -> names.addAll(vars(i).keySet()));
        List<String> header = new ArrayList<>(names);
        header.add("__expected");
        header.add("__description");
        return header;
    }

    static Mapped<List<String>> csvRow(ExportItem item, AssertionStyle style, List<String> header) {
        if (item.expectedOutput() == null) {
            return Mapped.skip("no expected output");
        }
        Map<String, String> vars = vars(item);
        if (vars.isEmpty()) {
            return Mapped.skip("no vars or prompt");
        }
        List<String> row = new ArrayList<>();
        for (String column : header.subList(0, header.size() - 2)) {
            row.add(vars.getOrDefault(column, ""));
        }
        row.add(csvExpected(item.expectedOutput(), style));
        row.add(item.itemKey());
        return Mapped.of(row);
    }

    /** promptfoo reads a bare {@code __expected} as equals and a {@code type:} prefix as that assertion. */
    static String csvExpected(String expected, AssertionStyle style) {
        return switch (style) {
            case EQUALS -> expected;
            case CONTAINS -> "contains:" + expected;
            case RUBRIC -> "llm-rubric:" + expected;
        };
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
