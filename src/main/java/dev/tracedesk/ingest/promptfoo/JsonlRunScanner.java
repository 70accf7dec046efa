package dev.tracedesk.ingest.promptfoo;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.JsonValues;
import dev.tracedesk.ingest.source.LineReader;

/**
 * The first pass over a promptfoo JSONL file, which has no envelope: finds which evals its lines
 * belong to (promptfoo writes each result's {@code evalId}) and the (prompt, provider) columns of
 * each, so every run can be emitted whole before its cases. It picks those few fields out of each
 * line with the streaming parser, skipping the rest, and hashes the content on the way.
 */
final class JsonlRunScanner {

    /** More evals than this in one file is not a promptfoo output; the rest share the file's run. */
    static final int MAX_RUNS = 1_000;
    static final String FIRST_RESULT_PREFIX = "first-result:";
    /** The fields of which every promptfoo result has some (as {@link PromptfooResultMapper#looksLikeResult}). */
    private static final java.util.Set<String> RESULT_FIELDS = java.util.Set.of(
            "provider", "prompt", "response", "success", "gradingResult", "testCase");

    /**
     * @param templatesByEval the columns of each eval, by evalId (null for lines that name none)
     * @param fileRunId       the run id of lines that name no eval (see {@link #fileRunId})
     * @param nonBlankLines   how many lines hold anything, readable or not
     * @param resultLines     how many lines are JSON objects with a field every promptfoo result has
     */
    record Scan(Map<String, PromptTemplates> templatesByEval, String fileRunId, long nonBlankLines,
                long resultLines) {

        /** The run a line of this eval belongs to: its own, or the file's past {@link #MAX_RUNS}. */
        String runKeyOf(String evalId) {
            return templatesByEval.containsKey(evalId) ? evalId : null;
        }
    }

    private JsonlRunScanner() {
    }

    /** The key of a line's run: its evalId, or null when it names none. */
    static String evalIdOf(JsonNode line) {
        String evalId = JsonValues.text(line.get("evalId"));
        return evalId == null || evalId.isBlank() ? null : evalId;
    }

    static Scan scan(ImportSource source) throws IOException {
        Map<String, PromptTemplates> templatesByEval = new LinkedHashMap<>();
        MessageDigest digest = ContentHash.sha256();
        long nonBlankLines = 0;
        String[] firstResultId = {null};
        long resultLines = 0;
        try (InputStream in = new DigestInputStream(source.openStream(), digest)) {
            LineReader lines = new LineReader(in);
            LineReader.Line line;
            while ((line = lines.next()) != null) {
                if (!line.isBlank()) {
                    nonBlankLines++;
                }
                if (line.ok() && !line.isBlank() && collect(line.text(), templatesByEval, firstResultId)) {
                    resultLines++;
                }
            }
        }
        return new Scan(templatesByEval, fileRunId(firstResultId[0], digest), nonBlankLines, resultLines);
    }

    /**
     * The run of lines that name no eval (all of promptfoo 0.121's) is named by the id of the first
     * result: promptfoo gives every result a UUID, so it tells evals apart, and unlike a hash of the
     * bytes it stays the same when the file is re-saved, cut short by a crash or appended to, so an
     * overlapping file finds its run and adds only what is new. Without ids: the content's hash.
     */
    private static String fileRunId(String firstResultId, MessageDigest digest) {
        return firstResultId != null ? FIRST_RESULT_PREFIX + firstResultId : ContentHash.runIdOf(digest);
    }

    /** Notes the line's run and column; true when the line looks like a promptfoo result. */
    private static boolean collect(String text, Map<String, PromptTemplates> templatesByEval, String[] firstResultId)
            throws IOException {
        boolean resultField = false;
        String evalId = null;
        String resultId = null;
        String provider = "";
        String label = null;
        String promptId = null;
        try (JsonParser parser = JsonValues.MAPPER.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                resultField |= RESULT_FIELDS.contains(name);
                switch (name) {
                    case "evalId" -> evalId = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "id" -> resultId = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "promptId" -> promptId = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "provider" -> provider = PromptfooResultMapper.provider(parser.readValueAsTree());
                    case "prompt" -> label = promptLabel(parser, value);
                    default -> parser.skipChildren();
                }
            }
        } catch (JsonProcessingException brokenLine) {
            return false; // the second pass rejects it, with its line number
        }
        if (!resultField) {
            return false;
        }
        String key = evalId == null || evalId.isBlank() ? null : evalId;
        if (key == null && firstResultId[0] == null && resultId != null && !resultId.isBlank()) {
            firstResultId[0] = resultId;
        }
        if (!templatesByEval.containsKey(key) && templatesByEval.size() >= MAX_RUNS) {
            key = null;
        }
        PromptTemplates templates = templatesByEval.computeIfAbsent(key, any -> PromptTemplates.empty());
        PromptTemplates.Template template = new PromptTemplates.Template(label, null, provider, promptId);
        if (label != null || !provider.isEmpty()) {
            templates.addIfNew(template);
        }
        return true;
    }

    /** Only the template's label: prompt.raw is the rendered prompt, which differs on every line. */
    private static String promptLabel(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        String label = null;
        String display = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken inner = parser.nextToken();
            if (name.equals("label") && inner == JsonToken.VALUE_STRING) {
                label = parser.getText();
            } else if (name.equals("display") && inner == JsonToken.VALUE_STRING) {
                display = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        return label != null ? label : display;
    }
}
