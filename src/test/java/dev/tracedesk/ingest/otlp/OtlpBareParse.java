package dev.tracedesk.ingest.otlp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonParser;

import dev.tracedesk.ingest.source.JsonValues;

/**
 * The benchmark's baseline: a bare Jackson streaming parse of a file, counting tokens and doing
 * nothing else — the least any import of the file can cost. Reads with the same factory (and
 * string limits) as the OTLP reader, over the file's bytes, all root values in turn.
 *
 * <p>Usage: {@code OtlpBareParse FILE}
 */
public final class OtlpBareParse {

    private OtlpBareParse() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: OtlpBareParse FILE");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        long started = System.nanoTime();
        long tokens = countTokens(file);
        double seconds = (System.nanoTime() - started) / 1e9;
        double megabytes = Files.size(file) / 1e6;
        System.out.printf(Locale.ROOT, "bare parse: %d tokens, %.1f MB in %.2f s (%.0f MB/s)%n", tokens, megabytes,
                seconds, megabytes / seconds);
    }

    /** Every JSON token of the file, string values read in full (as an importer must). */
    public static long countTokens(Path file) throws IOException {
        long tokens = 0;
        try (InputStream in = Files.newInputStream(file);
             JsonParser parser = JsonValues.MAPPER.getFactory().createParser(in)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                    parser.getTextLength();
                }
                tokens++;
            }
        }
        return tokens;
    }
}
