package dev.tracedesk.ingest.inspect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.JsonValues;

/** The real Inspect log of the test resources, its pieces, and .eval archives built from them. */
final class InspectFixtures {

    static final String REAL_LOG = "/fixtures/inspect/input-task.json";

    private InspectFixtures() {
    }

    static byte[] realLogBytes() {
        try (InputStream in = InspectFixtures.class.getResourceAsStream(REAL_LOG)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode realLog() {
        try {
            return (ObjectNode) JsonValues.MAPPER.readTree(realLogBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What Inspect writes as header.json: the log without its samples and reductions. */
    static ObjectNode realHeader() {
        ObjectNode header = realLog();
        header.remove("samples");
        header.remove("reductions");
        return header;
    }

    static ObjectNode realSample() {
        return (ObjectNode) realLog().get("samples").get(0);
    }

    static Path write(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    static Path write(Path dir, String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    /** A zip of these entries, in this order. */
    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The .eval layout of a finished run: header.json, the sample, summaries and reductions. */
    static Map<String, byte[]> finishedEval() {
        ObjectNode log = realLog();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("_journal/start.json", utf8(startOf(log)));
        entries.put("samples/1_epoch_1.json", utf8(log.get("samples").get(0)));
        entries.put("_journal/summaries/1.json", utf8("[]"));
        entries.put("summaries.json", utf8("[]"));
        entries.put("reductions.json", utf8(log.get("reductions")));
        entries.put("header.json", utf8(realHeader()));
        return entries;
    }

    static ObjectNode startOf(JsonNode log) {
        ObjectNode start = JsonValues.MAPPER.createObjectNode();
        start.set("version", log.get("version"));
        start.set("eval", log.get("eval"));
        start.set("plan", log.get("plan"));
        return start;
    }

    static byte[] utf8(Object value) {
        String text = value instanceof String string ? string : value.toString();
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces every occurrence of one name by another of the same length, in headers and directory. */
    static byte[] renameEntries(byte[] zip, String from, String to) {
        String bytes = new String(zip, StandardCharsets.ISO_8859_1);
        return bytes.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }

    static CollectingSink read(dev.tracedesk.ingest.source.FormatReader reader, Path file) throws IOException {
        CollectingSink sink = new CollectingSink();
        reader.read(ImportSource.of(file), sink);
        return sink;
    }
}
