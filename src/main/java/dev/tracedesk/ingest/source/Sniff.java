package dev.tracedesk.ingest.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What format detection looks at: the first 64 KB of the content and what can be said of it
 * cheaply — the JSON keys near the top, the first line as JSON, zip entry names, a CSV header.
 */
public final class Sniff {

    public static final int WINDOW_BYTES = 64 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String fileName;
    private final byte[] head;
    private final boolean zip;
    private final List<String> zipEntries;
    private final Set<String> topLevelKeys;
    private final JsonNode firstLineJson;
    private final String firstLine;

    private Sniff(String fileName, byte[] head, List<String> zipEntries) {
        this.fileName = fileName;
        this.head = head;
        this.zip = zipEntries != null;
        this.zipEntries = zipEntries == null ? List.of() : List.copyOf(zipEntries);
        this.firstLine = zip ? "" : firstLineOf(head);
        this.firstLineJson = zip ? null : parseQuietly(firstLine);
        this.topLevelKeys = zip ? Set.of() : topLevelKeysOf(head);
    }

    public static Sniff of(ImportSource source) throws IOException {
        List<String> entries = null;
        if (!source.isGzip() && startsWithZipMagic(source)) {
            entries = zipEntryNames(source);
        }
        byte[] head;
        try (InputStream in = source.openStream()) {
            head = in.readNBytes(WINDOW_BYTES);
        }
        return new Sniff(source.fileName(), head, entries);
    }

    /** For tests of detection rules. */
    public static Sniff ofText(String fileName, String content) {
        return new Sniff(fileName, content.getBytes(StandardCharsets.UTF_8), null);
    }

    public String fileName() {
        return fileName;
    }

    public boolean isEmpty() {
        return !zip && new String(head, StandardCharsets.UTF_8).isBlank();
    }

    public boolean isZip() {
        return zip;
    }

    public List<String> zipEntries() {
        return zipEntries;
    }

    /** The window as text (UTF-8, malformed bytes replaced), for readers that must look past the first line. */
    public String headText() {
        return zip ? "" : new String(head, StandardCharsets.UTF_8);
    }

    /** The first non-blank line, without its line break ("" if none). */
    public String firstLine() {
        return firstLine;
    }

    /** The first line parsed as JSON, or null when it is not a whole JSON value. */
    public JsonNode firstLineJson() {
        return firstLineJson;
    }

    /** True when the first line is a whole JSON object, as in a JSON Lines file. */
    public boolean firstLineIsJsonObject() {
        return firstLineJson != null && firstLineJson.isObject();
    }

    /** Keys of the top-level JSON object seen within the window (empty if the content is no object). */
    public Set<String> topLevelKeys() {
        return topLevelKeys;
    }

    public boolean startsWith(char c) {
        String text = new String(head, StandardCharsets.UTF_8).stripLeading();
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1).stripLeading();
        }
        return !text.isEmpty() && text.charAt(0) == c;
    }

    /** True when the window holds bytes that no text file has (NUL, most control characters). */
    public boolean looksBinary() {
        int suspicious = 0;
        for (byte b : head) {
            int c = b & 0xff;
            if (c == 0 || (c < 0x09) || (c > 0x0d && c < 0x20 && c != 0x1b)) {
                suspicious++;
            }
        }
        return !zip && suspicious > 0 && suspicious * 100 > Math.max(1, head.length);
    }

    private static String firstLineOf(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        for (String line : text.split("\n", -1)) {
            if (!line.isBlank()) {
                return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            }
        }
        return "";
    }

    private static JsonNode parseQuietly(String line) {
        if (line.isBlank()) {
            return null;
        }
        try (JsonParser parser = MAPPER.getFactory().createParser(line)) {
            JsonNode node = MAPPER.readTree(parser);
            return parser.nextToken() == null ? node : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Streams tokens until the window ends; collects field names at depth 1. */
    private static Set<String> topLevelKeysOf(byte[] head) {
        Set<String> keys = new LinkedHashSet<>();
        try (JsonParser parser = new JsonFactory().createParser(new ByteArrayInputStream(head))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Set.of();
            }
            int depth = 1;
            JsonToken token;
            while (depth > 0 && (token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME && depth == 1) {
                    keys.add(parser.currentName());
                } else if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
            }
        } catch (IOException | RuntimeException endOfWindowOrNotJson) {
            // what was seen before the window ended (or the JSON broke) is what we know
        }
        return Collections.unmodifiableSet(keys);
    }

    private static boolean startsWithZipMagic(ImportSource source) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(source.path())) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    private static List<String> zipEntryNames(ImportSource source) {
        List<String> names = new ArrayList<>();
        try (ZipFile zipFile = new ZipFile(source.path().toFile())) {
            zipFile.stream().limit(10_000).map(ZipEntry::getName).forEach(names::add);
        } catch (IOException e) {
            return List.of();
        }
        return names;
    }
}
