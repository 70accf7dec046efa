package dev.tracedesk.store.calls;

import static dev.tracedesk.store.generated.Tables.LLM_CALL;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tracedesk.insights.PlantedCalls;
import dev.tracedesk.store.EngineWorkspace;

/**
 * Two imports running at once (two GUI tasks, or the window and a script on one H2 file) take span
 * ids from one identity sequence but commit in either order. If the import holding the higher ids
 * commits and refreshes first, the watermark passes the other import's ids before they are
 * visible; when those commit, {@link LlmCallFacts#refresh()} must still copy them.
 */
class LlmCallFactsWatermarkTest {

    @TempDir
    Path tempDir;

    @Test
    void callsCommittedAfterAHigherIdWasRefreshedAreStillCopied() throws Exception {
        PlantedCalls generated = PlantedCalls.generate();
        long middle = generated.calls().get(generated.calls().size() / 2).spanId();
        try (EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir)) {
            // the import with the higher ids commits and refreshes first ...
            workspace.dsl().connection(connection -> generated.insert(connection, call -> call.spanId() >= middle));
            new LlmCallFacts(workspace.dsl()).refresh();
            // ... then the one that took the lower ids earlier commits, and refreshes too
            workspace.dsl().connection(connection -> generated.insert(connection, call -> call.spanId() < middle));
            new LlmCallFacts(workspace.dsl()).refresh();

            assertThat(workspace.dsl().fetchCount(LLM_CALL)).isEqualTo(generated.calls().size());
        }
    }
}
