package dev.tracedesk.ingest.promptfoo;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.core.model.CaseStatus;
import dev.tracedesk.ingest.source.JsonValues;

/** What one prompt column of a promptfoo CSV row says about one (test, prompt) result. */
final class PromptfooCsvCells {

    private static final Pattern COMBINED = Pattern.compile("^\\[(PASS|FAIL|ERROR)] \\(([^)]*)\\)(.*)$", Pattern.DOTALL);
    private static final Pattern PASS_REASON = Pattern.compile("\n\n[ \t]*Pass Reason: ");
    private static final Pattern FAIL_REASON = Pattern.compile("\n\n[ \t]*Fail Reason: ");
    private static final Pattern NAMED_SCORE = Pattern.compile("^(.+): (-?[0-9.]+|NaN|undefined)$");

    /**
     * One result as the CSV has it.
     *
     * @param namedScoresJson a JSON object, or null
     * @param reason          the grader's reason ("Pass Reason:"/"Fail Reason:" in the combined layout)
     */
    record Cell(CaseStatus status, Double score, String namedScoresJson, String output, String reason,
                String comment) {
    }

    /** Thrown for a cell that is not empty and not in promptfoo's shape. */
    static final class UnreadableCell extends Exception {
        UnreadableCell(String message) {
            super(message);
        }
    }

    private PromptfooCsvCells() {
    }

    /**
     * The split layout: output, Status, Score, Named Scores, the "Metric:" columns (the same numbers
     * as Named Scores, so not read again), Grader Reason, Comment. Null when all are empty.
     */
    static Cell split(List<String> row, int index, int groupWidth) throws UnreadableCell {
        List<String> cells = row.subList(index, index + groupWidth);
        if (cells.stream().allMatch(String::isEmpty)) {
            return null; // promptfoo writes empty cells where a test has no result for this prompt
        }
        CaseStatus status = status(cells.get(1));
        if (status == null) {
            throw new UnreadableCell("the Status cell is \"" + cells.get(1) + "\", expected PASS, FAIL or ERROR");
        }
        return new Cell(status, number(cells.get(2)), namedScoresJson(cells.get(3)), cells.get(0),
                emptyToNull(cells.get(groupWidth - 2)), emptyToNull(cells.get(groupWidth - 1)));
    }

    /** The combined layout: "[PASS] (0.75, name: 1.00)\n\n<output>\n\nPass Reason: …". Null when empty. */
    static Cell combined(String cell) throws UnreadableCell {
        if (cell.isEmpty()) {
            return null;
        }
        Matcher parts = COMBINED.matcher(cell);
        if (!parts.matches()) {
            throw new UnreadableCell("the cell does not start with [PASS], [FAIL] or [ERROR] and a score");
        }
        CaseStatus status = status(parts.group(1));
        String[] scores = parts.group(2).split(", ", -1);
        ObjectNode named = JsonValues.MAPPER.createObjectNode();
        for (int i = 1; i < scores.length; i++) {
            Matcher score = NAMED_SCORE.matcher(scores[i]);
            if (score.matches()) {
                Double value = number(score.group(2));
                named.put(score.group(1), value);
            }
        }
        // promptfoo dedents the cell, which can leave the reason line indented when the output is not
        String rest = "\n\n" + parts.group(3);
        Matcher marker = (status == CaseStatus.PASS ? PASS_REASON : FAIL_REASON).matcher(rest);
        int reasonStart = -1;
        int reasonEnd = -1;
        while (marker.find()) {
            reasonStart = marker.start();
            reasonEnd = marker.end();
        }
        String output = (reasonStart >= 0 ? rest.substring(0, reasonStart) : rest).strip();
        String reason = reasonStart >= 0 ? rest.substring(reasonEnd) : null;
        return new Cell(status, number(scores[0]), named.isEmpty() ? null : named.toString(), output,
                emptyToNull(reason), null);
    }

    private static CaseStatus status(String text) {
        try {
            return CaseStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Double number(String text) {
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isNaN(value) ? null : value;
        } catch (NumberFormatException e) {
            return null; // promptfoo writes "undefined" for a result without a score
        }
    }

    private static String namedScoresJson(String cell) throws UnreadableCell {
        if (cell.isBlank()) {
            return null;
        }
        try {
            JsonNode named = JsonValues.MAPPER.readTree(cell);
            if (named == null || !named.isObject()) {
                throw new UnreadableCell("the Named Scores cell is no JSON object");
            }
            return named.isEmpty() ? null : named.toString();
        } catch (IOException e) {
            throw new UnreadableCell("the Named Scores cell is not valid JSON");
        }
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
