package dev.tracedesk.ingest.langfuse;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.source.JsonValues;
import dev.tracedesk.ingest.source.LineReader;

/** JSON Lines: one trace, observation or score (or list response) per line; a bad line costs only itself. */
final class JsonlLayout {

    private JsonlLayout() {
    }

    static void read(InputStream in, RecordEmitter emitter) throws IOException {
        LineReader lines = new LineReader(in);
        for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
            emitter.sink().stopIfCancelled();
            String locator = "line " + line.number();
            if (!line.ok()) {
                emitter.reject(locator, line.number(), line.rawHead(), line.problem());
            } else if (!line.isBlank()) {
                JsonNode node;
                try {
                    node = JsonValues.MAPPER.readTree(line.text());
                } catch (JsonProcessingException e) {
                    emitter.reject(locator, line.number(), line.text(), "not valid JSON: " + e.getOriginalMessage());
                    continue;
                }
                emitter.record(node, locator, line.number(), line.text());
            }
        }
    }
}
