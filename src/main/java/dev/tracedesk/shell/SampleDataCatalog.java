package dev.tracedesk.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The sample files this build ships: {@code index.txt} in the sample-data folder lists one file
 * name a line ({@code #} starts a comment). No index means no sample data.
 */
public final class SampleDataCatalog {

    public static final String DEFAULT_FOLDER = "/sample-data/";

    private final String folder;

    public SampleDataCatalog() {
        this(DEFAULT_FOLDER);
    }

    /** @param folder a class-path folder ending in '/', e.g. a test's own */
    public SampleDataCatalog(String folder) {
        this.folder = folder;
    }

    /** Class-path resource names of the sample files, in index order; reads a resource, so not on the FX thread. */
    public List<String> files() {
        try (InputStream in = SampleDataCatalog.class.getResourceAsStream(folder + "index.txt")) {
            if (in == null) {
                return List.of();
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .map(name -> folder + name)
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sample data index", e);
        }
    }
}
