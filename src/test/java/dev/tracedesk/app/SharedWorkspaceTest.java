package dev.tracedesk.app;

import static dev.tracedesk.store.generated.Tables.TRACE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;

/**
 * The GUI and the CLI are separate processes on one H2 file. While this JVM holds the workspace
 * open (as the window does), other processes read and write it through H2's auto-server.
 */
class SharedWorkspaceTest {

    @TempDir
    Path tempDir;

    @Test
    void anotherProcessReadsAndWritesAWorkspaceThisProcessHasOpen() throws Exception {
        WorkspaceLocation location = WorkspaceLocation.h2(tempDir.resolve("shared"));
        try (Workspace open = Workspace.open(location)) {
            open.dsl().insertInto(TRACE, TRACE.EXTERNAL_TRACE_ID, TRACE.SOURCE_SYSTEM, TRACE.STATUS)
                    .values("from-the-window", "test", "OK").execute();

            ProcessResult writer = runJava(SharedWorkspaceWriter.class.getName(), location.h2File().toString(), "from-a-script");
            assertThat(writer.exitCode).as(writer.stderr).isZero();

            ProcessResult stats = runJava(Launcher.class.getName(), "stats", "--json", "--db", location.h2File().toString());
            assertThat(stats.exitCode).as(stats.stderr).isZero();
            assertThat(new ObjectMapper().readTree(stats.stdout).get("traces").asLong()).isEqualTo(2);

            assertThat(open.dsl().selectFrom(TRACE).orderBy(TRACE.ID).fetch(TRACE.EXTERNAL_TRACE_ID))
                    .containsExactly("from-the-window", "from-a-script");
        }
    }

    private record ProcessResult(int exitCode, String stdout, String stderr) {
    }

    private ProcessResult runJava(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectError(tempDir.resolve("child.err").toFile())
                .start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("child finished").isTrue();
        String stderr = java.nio.file.Files.readString(tempDir.resolve("child.err"));
        return new ProcessResult(process.exitValue(), stdout, stderr);
    }
}
