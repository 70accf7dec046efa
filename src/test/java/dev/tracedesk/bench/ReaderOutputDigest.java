package dev.tracedesk.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import dev.tracedesk.ingest.FormatReaders;
import dev.tracedesk.ingest.model.CanonicalCheck;
import dev.tracedesk.ingest.model.CanonicalEvalCase;
import dev.tracedesk.ingest.model.CanonicalEvalRun;
import dev.tracedesk.ingest.model.CanonicalLogEvent;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.CheckTarget;
import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.model.Rejection;
import dev.tracedesk.ingest.source.ImportSource;

/**
 * Prints, per file, a SHA-256 over everything a reader hands to its sink (every field of every
 * record and rejection, in order), so a change meant to be a pure speed-up can be checked to
 * produce the very same output: run it before and after on the same files and compare the lines.
 * With {@code --dump DIR} it also writes each file's records as JSON lines, for a diff.
 *
 * <pre>./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tracedesk.bench.ReaderOutputDigest \
 *     -Dexec.args="[--dump DIR] FILE…"</pre>
 */
public final class ReaderOutputDigest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));

    private ReaderOutputDigest() {
    }

    public static void main(String[] args) throws Exception {
        Path dump = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--dump")) {
                dump = Files.createDirectories(Path.of(args[++i]));
                continue;
            }
            Path file = Path.of(args[i]);
            System.out.println(digest(file, dump == null ? null : dump.resolve(file.getFileName() + ".records.jsonl")));
        }
    }

    private static String digest(Path file, Path dumpFile) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long[] records = new long[1];
        try (PrintStream out = dumpFile == null ? new PrintStream(OutputStream.nullOutputStream())
                : new PrintStream(Files.newOutputStream(dumpFile), false, StandardCharsets.UTF_8)) {
            RecordSink sink = new RecordSink() {
                public void span(CanonicalSpan span) { add("span", span); }
                public void logEvent(CanonicalLogEvent event) { add("log", event); }
                public void evalRun(CanonicalEvalRun run) { add("run", run); }
                public void evalCase(CanonicalEvalCase evalCase) { add("case", evalCase); }
                public void check(CheckTarget target, CanonicalCheck check) { add("check", Map.of("t", target, "c", check)); }
                public void reject(Rejection rejection) { add("reject", rejection); }
                public void stopIfCancelled() { }

                private void add(String type, Object record) {
                    try {
                        String line = type + " " + JSON.writeValueAsString(record);
                        sha.update(line.getBytes(StandardCharsets.UTF_8));
                        out.println(line);
                        records[0]++;
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
            ImportSource source = ImportSource.of(file);
            String outcome;
            try {
                var reader = FormatReaders.standard().detect(source);
                if (reader.isPresent()) {
                    reader.get().read(source, sink);
                    outcome = "read as " + reader.get().format().id();
                } else {
                    outcome = "no reader";
                }
            } catch (IOException | RuntimeException e) {
                outcome = "failed: " + e.getMessage();
            }
            sha.update(outcome.getBytes(StandardCharsets.UTF_8));
            out.println(outcome);
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16) + " " + records[0] + " records, " + outcome
                    + "  " + file.getFileName();
        }
    }
}
