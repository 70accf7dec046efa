package dev.tracedesk.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One row of the Datasets table: an item, how it differs from the version before, and the one-line
 * texts the table shows (worked out once, off the UI thread).
 */
public record ItemRow(DatasetItem item, Change change, String inputPreview, String expectedPreview, String source) {

    /** How an item differs from the version before the one shown. */
    public enum Change {
        ADDED("added"), CHANGED("changed"), SAME("");

        private final String word;

        Change(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PREVIEW = 160;

    public static ItemRow of(DatasetItem item, Change change) {
        return new ItemRow(item, change, oneLine(inputText(item)), oneLine(item.expectedOutput()), sourceOf(item));
    }

    /** The input as a reader takes it in: the messages by role, else the template variables, else the prompt. */
    public static String inputText(DatasetItem item) {
        try {
            JsonNode input = JSON.readTree(item.inputJson());
            StringBuilder text = new StringBuilder();
            for (JsonNode message : input.path("messages")) {
                text.append(message.path("role").asText("user")).append(": ")
                        .append(message.path("content").asText("")).append('\n');
            }
            if (text.isEmpty()) {
                input.path("vars").fields().forEachRemaining(field -> text.append(field.getKey()).append(" = ")
                        .append(field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString())
                        .append('\n'));
            }
            if (text.isEmpty() && input.hasNonNull("prompt")) {
                text.append(input.get("prompt").asText());
            }
            return text.toString().strip();
        } catch (Exception unreadable) {
            return item.inputJson();
        }
    }

    private static String sourceOf(DatasetItem item) {
        if (item.labelId() != null) {
            return "label " + item.labelId() + (item.reviewer() == null ? "" : " · " + item.reviewer());
        }
        if (item.sourceEvalCaseId() != null) {
            return "eval case " + item.sourceEvalCaseId();
        }
        return item.sourceSpanId() == null ? "" : "span " + item.sourceSpanId();
    }

    private static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= PREVIEW ? flat : flat.substring(0, PREVIEW - 1) + "…";
    }

    /** The first characters of an item key, enough to tell items apart in a sentence. */
    public static String shortKey(String itemKey) {
        return itemKey.length() <= 10 ? itemKey : itemKey.substring(0, 10) + "…";
    }
}
