package dev.tracedesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes a command's JSON result to stdout: one document, nothing else on that stream. */
public final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false)
            // money: 0.0000001 rather than 1E-7
            .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

    private JsonOutput() {
    }

    public static void write(PrintWriter out, Object value) {
        try {
            MAPPER.writeValue(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }
}
