package dev.tracedesk.search;

import dev.tracedesk.core.task.TaskContext;

/**
 * Full-text search over the workspace's spans: prompts, outputs, messages and retrieved
 * documents, with field queries ({@code model:gpt-4o "refund policy"}). The Traces section and
 * the CLI ask this; {@link LuceneSpanSearch} answers from a Lucene index kept beside the store.
 */
public interface SpanSearch {

    /**
     * The best-matching spans, best first.
     *
     * @param query the user's query in the syntax of {@link SearchSyntax}
     * @param limit at most this many hits
     * @throws SearchQueryException when the query cannot be parsed (the message says why, in words)
     */
    SearchResult search(String query, int limit);

    /**
     * As {@link #search(String, int)}, telling {@code progress} about work done first — such as
     * bringing the index up to date after a large import — and stopping that work when it is cancelled.
     */
    default SearchResult search(String query, int limit, TaskContext progress) {
        return search(query, limit);
    }
}
