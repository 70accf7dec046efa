package dev.tracedesk.ingest.langfuse;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;

import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.JsonValues;

/** The hand-written Langfuse fixtures (see their README) read into a collecting sink. */
final class LangfuseFixtures {

    private LangfuseFixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(LangfuseFixtures.class.getResource("/fixtures/langfuse/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no fixture " + name, e);
        }
    }

    static CollectingSink read(String name) throws IOException {
        return read(path(name));
    }

    static CollectingSink read(Path file) throws IOException {
        CollectingSink sink = new CollectingSink();
        new LangfuseReader().read(ImportSource.of(file), sink);
        return sink;
    }

    static long nanos(String isoInstant) {
        return JsonValues.epochNanos(Instant.parse(isoInstant));
    }
}
