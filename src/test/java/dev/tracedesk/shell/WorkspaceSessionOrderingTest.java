package dev.tracedesk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tracedesk.shell.WorkspaceSession.State;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;

class WorkspaceSessionOrderingTest {

    @TempDir
    Path folder;

    private final HeldTaskRunner tasks = new HeldTaskRunner();
    private final WorkspaceSession session = new WorkspaceSession(tasks, Workspace::open);

    @AfterEach
    void closeEverything() {
        tasks.runPending();
        session.close();
    }

    @Test
    void showsOpeningWithThePathUntilTheBackgroundWorkIsDone() {
        WorkspaceLocation location = WorkspaceLocation.h2(folder.resolve("ws"));

        session.open(location);

        assertThat(session.stateProperty().get()).isEqualTo(State.OPENING);
        assertThat(session.displayNameProperty().get()).isEqualTo(location.displayName());
        assertThat(session.workspace()).isEmpty();

        tasks.run(0);

        assertThat(session.stateProperty().get()).isEqualTo(State.READY);
    }

    @Test
    void anOpenOvertakenByALaterOneIsDropped() {
        WorkspaceLocation first = WorkspaceLocation.h2(folder.resolve("first"));
        WorkspaceLocation second = WorkspaceLocation.h2(folder.resolve("second"));
        session.open(first);
        session.open(second);

        tasks.run(1);
        tasks.run(0);

        assertThat(session.workspace().orElseThrow().location()).isEqualTo(second);
        assertThat(session.displayNameProperty().get()).isEqualTo(second.displayName());
        assertThat(tasks.heldCount()).as("the overtaken workspace is closed in the background").isEqualTo(3);
    }
}
