package dev.tracedesk.ingest.promptfoo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.source.FormatReader;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.JsonValues;
import dev.tracedesk.ingest.source.Sniff;

/** Fixture files and small inline files for the promptfoo reader tests. */
final class PromptfooFiles {

    static final Path UPSTREAM_EXPORT = fixture("fixtures/promptfoo-upstream/sample-export.json");

    private PromptfooFiles() {
    }

    static Path fixture(String resource) {
        try {
            var url = PromptfooFiles.class.getClassLoader().getResource(resource);
            if (url == null) {
                throw new IllegalStateException("no test resource " + resource);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static CollectingSink read(FormatReader reader, Path file) throws IOException {
        CollectingSink sink = new CollectingSink();
        reader.read(ImportSource.of(file), sink);
        return sink;
    }

    static Sniff sniff(Path file) throws IOException {
        return Sniff.of(ImportSource.of(file));
    }

    static Path write(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    static Path write(Path dir, String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    static Path gzip(Path dir, String name, Path source) throws IOException {
        Path target = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            Files.copy(source, out);
        }
        return target;
    }

    static JsonNode tree(Path file) throws IOException {
        return JsonValues.MAPPER.readTree(file.toFile());
    }

    static JsonNode tree(String json) throws IOException {
        return JsonValues.MAPPER.readTree(json);
    }

    /** Single quotes for readable inline JSON. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
