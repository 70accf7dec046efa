package dev.tracedesk.ingest.inspect;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.ingest.ImportFormat;
import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.model.Rejection;
import dev.tracedesk.ingest.source.FormatReader;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.Sniff;

/**
 * An Inspect AI {@code .eval} log: a zip of {@code header.json} (the EvalLog without samples,
 * written when the run finishes), {@code samples/{id}_epoch_{n}.json} (one EvalSample each) and
 * journal files. A log still running has no header yet: {@code _journal/start.json} (eval and
 * plan) stands in; the oldest .eval logs had {@code start.json} and {@code results.json} instead.
 * The archive is checked whole before anything is read (see {@link SafeZip}).
 */
public final class InspectEvalReader implements FormatReader {

    static final String HEADER = "header.json";
    static final String JOURNAL_START = "_journal/start.json";
    static final String OLD_START = "start.json";
    static final String OLD_RESULTS = "results.json";
    private static final String SAMPLES_DIR = "samples/";

    private final ZipLimits limits;

    public InspectEvalReader() {
        this(ZipLimits.DEFAULT);
    }

    InspectEvalReader(ZipLimits limits) {
        this.limits = limits;
    }

    @Override
    public ImportFormat format() {
        return ImportFormat.INSPECT_EVAL;
    }

    @Override
    public int confidence(Sniff sniff) {
        if (!sniff.isZip()) {
            return 0;
        }
        List<String> entries = sniff.zipEntries();
        boolean inspectLayout = entries.contains(HEADER) || entries.contains(JOURNAL_START)
                || (entries.contains(OLD_START) && entries.contains(OLD_RESULTS))
                || entries.stream().anyMatch(InspectEvalReader::isSampleEntry);
        return inspectLayout ? 100 : 0;
    }

    @Override
    public void read(ImportSource source, RecordSink sink) throws IOException {
        if (source.isGzip()) {
            throw new IOException(source.fileName() + ": gzip-compressed; an Inspect AI .eval log is a zip archive");
        }
        try (SafeZip zip = SafeZip.open(source.path(), source.fileName(), limits)) {
            InspectRun run = InspectRun.of(header(zip, source.fileName(), sink), source.fileName());
            sink.evalRun(run.toEvalRun());
            InspectSamples samples = new InspectSamples(run);
            int ordinal = 0;
            for (String name : zip.names()) {
                if (!isSampleEntry(name)) {
                    continue;
                }
                sink.stopIfCancelled();
                JsonNode sample = readEntry(zip, name, sink);
                if (sample != null) {
                    samples.emit(sample, name, null, ordinal++, sink);
                }
            }
        }
    }

    static boolean isSampleEntry(String name) {
        return name.startsWith(SAMPLES_DIR) && name.endsWith(".json") && name.length() > SAMPLES_DIR.length() + 5;
    }

    /**
     * The header that makes the run: header.json, else the journal's start.json (a running log),
     * else the oldest layout's start.json with results.json. A broken header.json is rejected and
     * the journal used instead when there is one.
     */
    private JsonNode header(SafeZip zip, String fileName, RecordSink sink) throws IOException {
        if (zip.has(HEADER) && !zip.has(JOURNAL_START)) {
            return requireEntry(zip, HEADER, fileName);
        }
        if (zip.has(HEADER)) {
            JsonNode header = readEntry(zip, HEADER, sink);
            if (header != null) {
                return header;
            }
        }
        if (zip.has(JOURNAL_START)) {
            return requireEntry(zip, JOURNAL_START, fileName);
        }
        if (zip.has(OLD_START)) {
            JsonNode start = requireEntry(zip, OLD_START, fileName);
            if (start.isObject() && zip.has(OLD_RESULTS)) {
                JsonNode results = requireEntry(zip, OLD_RESULTS, fileName);
                if (results.isObject()) {
                    ((ObjectNode) start).setAll((ObjectNode) results);
                }
            }
            return start;
        }
        throw new IOException(fileName + ": no " + HEADER + " and no " + JOURNAL_START
                + ": not an Inspect AI .eval log, or one whose run cannot be identified");
    }

    private JsonNode requireEntry(SafeZip zip, String name, String fileName) throws IOException {
        try {
            return zip.readTree(name);
        } catch (JsonProcessingException | SafeZip.UnsafeEntryException unreadable) {
            throw new IOException(fileName + ": " + name + " cannot be read: " + reason(unreadable), unreadable);
        }
    }

    /** The entry as JSON; or null after rejecting it, with its name as the locator, when broken or unsafe. */
    private JsonNode readEntry(SafeZip zip, String name, RecordSink sink) throws IOException {
        try {
            return zip.readTree(name);
        } catch (JsonProcessingException | SafeZip.UnsafeEntryException unreadable) {
            sink.reject(new Rejection(name, null, zip.head(name, InspectJsonReader.MAX_RAW_BYTES),
                    reason(unreadable)));
            return null;
        }
    }

    private static String reason(IOException problem) {
        if (problem instanceof JsonProcessingException json) {
            String where = json.getLocation() == null ? ""
                    : " at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr();
            return "not valid JSON" + where + ": " + json.getOriginalMessage();
        }
        return "unsafe, not read: " + problem.getMessage();
    }
}
