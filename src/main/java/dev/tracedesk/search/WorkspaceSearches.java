package dev.tracedesk.search;

import java.util.function.Function;

import dev.tracedesk.core.task.TaskContext;
import dev.tracedesk.store.Workspace;

/**
 * The window's search: one index per open workspace, opened on first use and closed when another
 * workspace is opened or the window closes. Each search first catches the index up with what was
 * imported since (decision 0009), in the search's own background task.
 */
public final class WorkspaceSearches implements Function<Workspace, SpanSearch>, AutoCloseable {

    private static final TaskContext UNREPORTED = new TaskContext() {
        @Override
        public void progress(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    private Workspace workspace;
    private LuceneSpanSearch index;

    @Override
    public synchronized SpanSearch apply(Workspace opened) {
        if (opened != workspace) {
            close();
            index = LuceneSpanSearch.open(SearchIndexLocation.of(opened.location(), System.getenv()), opened.dsl());
            workspace = opened;
        }
        return new CatchingUp(index);
    }

    /** Brings the index up to date, then searches it. */
    private record CatchingUp(LuceneSpanSearch index) implements SpanSearch {

        @Override
        public SearchResult search(String query, int limit) {
            return search(query, limit, UNREPORTED);
        }

        @Override
        public SearchResult search(String query, int limit, TaskContext progress) {
            index.catchUp(progress);
            return index.search(query, limit);
        }
    }

    @Override
    public synchronized void close() {
        if (index != null) {
            index.close();
            index = null;
            workspace = null;
        }
    }
}
