package dev.tracedesk.ingest.otlp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.source.FormatReader;
import dev.tracedesk.ingest.source.ImportSource;

/** Writes test content to a file and reads it with a reader into a collecting sink. */
final class OtlpReading {

    private OtlpReading() {
    }

    /** A file under src/test/resources/fixtures, e.g. "otel-genai/traces.jsonl". */
    static Path fixture(String relativePath) {
        try {
            var url = OtlpReading.class.getResource("/fixtures/" + relativePath);
            if (url == null) {
                throw new IllegalArgumentException("no fixture " + relativePath);
            }
            return Path.of(url.toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a fixture with the reader detection picks for it (so detection is tested too). */
    static CollectingSink readFixture(String relativePath) throws IOException {
        Path file = fixture(relativePath);
        FormatReader reader = dev.tracedesk.ingest.FormatReaders.standard().detect(ImportSource.of(file))
                .orElseThrow(() -> new AssertionError("no reader detected for " + relativePath));
        return read(reader, file);
    }

    static CollectingSink read(FormatReader reader, Path file) throws IOException {
        CollectingSink sink = new CollectingSink();
        reader.read(ImportSource.of(file), sink);
        return sink;
    }

    static CollectingSink readText(FormatReader reader, Path directory, String name, String content) throws IOException {
        return read(reader, write(directory, name, content));
    }

    static Path write(Path directory, String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }

    static Path writeGzip(Path directory, String name, String content) throws IOException {
        Path file = directory.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    static Path copyResource(Path directory, String resourcePath) throws IOException {
        Path file = directory.resolve(Path.of(resourcePath).getFileName().toString());
        try (var in = OtlpReading.class.getResourceAsStream(resourcePath)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resourcePath);
            }
            Files.copy(in, file);
        }
        return file;
    }
}
