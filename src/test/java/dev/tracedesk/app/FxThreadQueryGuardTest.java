package dev.tracedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import dev.tracedesk.stats.WorkspaceStatsQueries;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;

class FxThreadQueryGuardTest {

    @TempDir
    Path folder;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void recordsQueriesRunOnTheFxThreadAndNoOthers() throws Exception {
        FxThreadQueryGuard guard = new FxThreadQueryGuard();
        try (Workspace workspace = Workspace.open(WorkspaceLocation.h2(folder.resolve("ws")), guard)) {
            new WorkspaceStatsQueries(workspace.dsl()).load();
            assertThat(guard.violations()).isEmpty();

            WaitForAsyncUtils.asyncFx(() -> new WorkspaceStatsQueries(workspace.dsl()).load()).get();

            assertThat(guard.violations()).isNotEmpty()
                    .allSatisfy(sql -> assertThat(sql.toLowerCase()).contains("select"));
        }
    }
}
