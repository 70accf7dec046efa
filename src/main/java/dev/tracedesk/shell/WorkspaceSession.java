package dev.tracedesk.shell;

import java.util.Optional;
import java.util.concurrent.CancellationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.stats.WorkspaceStatsQueries;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceException;
import dev.tracedesk.store.WorkspaceLocation;

/**
 * The workspace the window shows, opened and counted in the background. The window is up before
 * the workspace is: it shows {@link State#OPENING}, then the sections, or the reason it failed.
 */
public final class WorkspaceSession {

    public enum State { OPENING, READY, FAILED }

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceSession.class);

    private final TaskRunner tasks;
    private final WorkspaceOpener opener;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.OPENING);
    private final ReadOnlyStringWrapper displayName = new ReadOnlyStringWrapper(this, "displayName", "");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyObjectWrapper<WorkspaceStats> stats = new ReadOnlyObjectWrapper<>(this, "stats");
    private Workspace workspace;
    /** Increases with every open, so the outcome of a superseded open is recognised and dropped. */
    private long openGeneration;
    private boolean refreshing;

    public WorkspaceSession(TaskRunner tasks, WorkspaceOpener opener) {
        this.tasks = tasks;
        this.opener = opener;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The workspace path (or redacted URL) being shown, set as soon as opening starts. */
    public ReadOnlyStringProperty displayNameProperty() {
        return displayName.getReadOnlyProperty();
    }

    /** Why the workspace could not be opened, in words for the user; empty otherwise. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** The latest counts; null until the workspace is open. */
    public ReadOnlyObjectProperty<WorkspaceStats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    public Optional<Workspace> workspace() {
        return Optional.ofNullable(workspace);
    }

    /** Opens {@code location} in the background, closing the workspace shown before. */
    public void open(WorkspaceLocation location) {
        Workspace previous = workspace;
        workspace = null;
        long generation = ++openGeneration;
        state.set(State.OPENING);
        displayName.set(location.displayName());
        errorMessage.set("");
        stats.set(null);
        tasks.submit("Opening workspace", context -> {
            if (previous != null) {
                previous.close();
            }
            context.progress(0, 0, location.displayName());
            Workspace opened = opener.open(location);
            try {
                context.stopIfCancelled();
                return new Opened(opened, new WorkspaceStatsQueries(opened.dsl()).load());
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }, opened -> {
            if (generation != openGeneration) {
                closeInBackground(opened.workspace());
                return;
            }
            workspace = opened.workspace();
            stats.set(opened.stats());
            state.set(State.READY);
        }, failure -> {
            if (generation == openGeneration) {
                errorMessage.set(describe(failure));
                state.set(State.FAILED);
            }
        });
    }

    /** Recounts in the background; does nothing while a count is under way or no workspace is open. */
    public void refreshStats() {
        Workspace current = workspace;
        if (current == null || refreshing) {
            return;
        }
        refreshing = true;
        tasks.submit("Counting workspace contents",
                context -> new WorkspaceStatsQueries(current.dsl()).load(),
                counted -> {
                    refreshing = false;
                    if (workspace == current) {
                        stats.set(counted);
                    }
                },
                failure -> {
                    refreshing = false;
                    LOG.warn("Could not count the workspace contents: {}", failure.getMessage());
                });
    }

    /**
     * Closes the workspace on the calling thread. Used when the window goes away: the process is
     * ending and the database must be closed cleanly before it does.
     */
    public void close() {
        openGeneration++;
        Workspace current = workspace;
        workspace = null;
        if (current != null) {
            current.close();
        }
    }

    private void closeInBackground(Workspace superseded) {
        tasks.submit("Closing workspace", context -> {
            superseded.close();
            return null;
        }, ignored -> { }, failure -> LOG.warn("Could not close a workspace: {}", failure.getMessage()));
    }

    static String describe(Throwable failure) {
        if (failure instanceof CancellationException) {
            return "Opening the workspace was cancelled.";
        }
        if (failure instanceof WorkspaceException || failure instanceof IllegalArgumentException) {
            return failure.getMessage();
        }
        LOG.error("Unexpected failure opening a workspace", failure);
        String message = failure.getMessage();
        return "The workspace could not be opened: "
                + (message == null || message.isBlank() ? failure.getClass().getSimpleName() : message);
    }

    private record Opened(Workspace workspace, WorkspaceStats stats) {
    }
}
