package dev.tracedesk.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample files this build ships: {@code index.txt} in the sample-data folder lists one file
 * name a line ({@code #} starts a comment). No index means no sample data.
 */
public final class SampleDataCatalog {

    public static final String DEFAULT_FOLDER = "/sample-data/";

    private static final Logger LOG = LoggerFactory.getLogger(SampleDataCatalog.class);

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

    /**
     * Copies the sample files to a new temporary folder, keeping their names (the Imports list shows
     * them), and returns the copies in index order. A file the index lists but the build lacks is
     * skipped. The copies go when the process ends. File I/O, so not on the FX thread.
     */
    public List<Path> copyToTemporaryFolder() throws IOException {
        Path folderCopy = Files.createTempDirectory("tracedesk-sample-data-");
        folderCopy.toFile().deleteOnExit();
        List<Path> copies = new ArrayList<>();
        for (String resource : files()) {
            Path target = folderCopy.resolve(resource.substring(folder.length())).normalize();
            if (!target.startsWith(folderCopy)) {
                LOG.warn("Skipping sample file {}: its name leaves the sample folder", resource);
                continue;
            }
            try (InputStream in = SampleDataCatalog.class.getResourceAsStream(resource)) {
                if (in == null) {
                    LOG.warn("Skipping sample file {}: the index lists it, but this build does not have it", resource);
                    continue;
                }
                Files.createDirectories(target.getParent());
                target.getParent().toFile().deleteOnExit();
                Files.copy(in, target);
            }
            target.toFile().deleteOnExit();
            copies.add(target);
        }
        return copies;
    }
}
