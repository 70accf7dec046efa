package dev.tracedesk.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.jooq.DSLContext;

import dev.tracedesk.core.task.TaskContext;

/**
 * Import services and files for tests outside this package (the GUI's): FormatReaders.standard()
 * may not read anything yet, so they import with the test-only {@link ScriptedReader} and
 * {@link EndlessReader}.
 */
public final class TestImports {

    /** For imports that report progress to no one and are never cancelled. */
    public static final TaskContext NEVER_CANCELLED = new TaskContext() {
        @Override
        public void progress(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    private TestImports() {
    }

    /** Import services that read script files and endless files. */
    public static Function<DSLContext, ImportService> scriptedServices() {
        return dsl -> new ImportService(dsl, new FormatReaders(List.of(new ScriptedReader(), new EndlessReader())));
    }

    /** A script file the scripted reader imports; a line that is not a script record is rejected. */
    public static Path script(Path folder, String name, String... lines) throws IOException {
        return Files.writeString(folder.resolve(name), "{\"script\":1}\n" + String.join("\n", lines) + "\n",
                StandardCharsets.UTF_8);
    }

    /** A script line holding one span of trace {@code trace}. */
    public static String span(String trace, String id) {
        return "{\"span\":{\"trace\":\"" + trace + "\",\"id\":\"" + id + "\",\"name\":\"call " + id + "\",\"start\":1000,\"duration\":50}}";
    }

    /** A file that imports until it is cancelled. */
    public static Path endless(Path folder, String name) throws IOException {
        return Files.writeString(folder.resolve(name), EndlessReader.FIRST_LINE + "\n", StandardCharsets.UTF_8);
    }
}
