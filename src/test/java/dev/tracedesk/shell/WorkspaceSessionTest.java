package dev.tracedesk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tracedesk.core.task.ImmediateTaskRunner;
import dev.tracedesk.shell.WorkspaceSession.State;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceException;
import dev.tracedesk.store.WorkspaceLocation;

class WorkspaceSessionTest {

    @TempDir
    Path folder;

    private final WorkspaceSession session = new WorkspaceSession(new ImmediateTaskRunner(), Workspace::open);

    @AfterEach
    void closeSession() {
        session.close();
    }

    @Test
    void opensAnEmptyWorkspaceAndCountsIt() {
        WorkspaceLocation location = WorkspaceLocation.h2(folder.resolve("ws"));

        session.open(location);

        assertThat(session.stateProperty().get()).isEqualTo(State.READY);
        assertThat(session.displayNameProperty().get()).isEqualTo(location.displayName());
        assertThat(session.statsProperty().get().isEmpty()).isTrue();
        assertThat(session.workspace()).isPresent();
        assertThat(session.errorMessageProperty().get()).isEmpty();
    }

    @Test
    void aWorkspaceFromANewerTracedeskFailsWithItsReasonAndIsLeftUnchanged() throws Exception {
        WorkspaceLocation newer = TestWorkspaces.newerSchema(folder);
        long historyBefore = TestWorkspaces.schemaHistoryRows(newer);

        session.open(newer);

        assertThat(session.stateProperty().get()).isEqualTo(State.FAILED);
        assertThat(session.errorMessageProperty().get()).contains("newer Tracedesk").doesNotContain("Exception");
        assertThat(session.workspace()).isEmpty();
        assertThat(session.statsProperty().get()).isNull();
        assertThat(TestWorkspaces.schemaHistoryRows(newer)).isEqualTo(historyBefore);
    }

    @Test
    void anUnexpectedFailureIsDescribedInOneSentenceWithoutAStackTrace() {
        WorkspaceSession failing = new WorkspaceSession(new ImmediateTaskRunner(), location -> {
            throw new IllegalStateException("pool exploded");
        });

        failing.open(WorkspaceLocation.h2(folder.resolve("ws")));

        assertThat(failing.stateProperty().get()).isEqualTo(State.FAILED);
        assertThat(failing.errorMessageProperty().get())
                .isEqualTo("The workspace could not be opened: pool exploded");
    }

    @Test
    void openingAnotherWorkspaceReplacesTheFirst() {
        session.open(WorkspaceLocation.h2(folder.resolve("first")));
        Workspace first = session.workspace().orElseThrow();
        WorkspaceLocation second = WorkspaceLocation.h2(folder.resolve("second"));

        session.open(second);

        assertThat(session.stateProperty().get()).isEqualTo(State.READY);
        assertThat(session.workspace().orElseThrow()).isNotSameAs(first);
        assertThat(session.workspace().orElseThrow().location()).isEqualTo(second);
    }

    @Test
    void refreshingCountsKeepsTheWorkspaceReady() {
        session.open(WorkspaceLocation.h2(folder.resolve("ws")));
        var before = session.statsProperty().get();

        session.refreshStats();

        assertThat(session.statsProperty().get()).isEqualTo(before).isNotSameAs(before);
        assertThat(session.stateProperty().get()).isEqualTo(State.READY);
    }

    @Test
    void refreshingBeforeAnyWorkspaceIsOpenDoesNothing() {
        session.refreshStats();

        assertThat(session.statsProperty().get()).isNull();
        assertThat(session.stateProperty().get()).isEqualTo(State.OPENING);
    }

    @Test
    void workspaceErrorsKeepTheStoreMessage() {
        assertThat(WorkspaceSession.describe(new WorkspaceException("Workspace x was written by a newer Tracedesk.")))
                .isEqualTo("Workspace x was written by a newer Tracedesk.");
    }
}
