package dev.tracedesk.datasets;

import java.util.List;

import dev.tracedesk.search.SearchHit;
import dev.tracedesk.search.SearchQueryException;
import dev.tracedesk.search.SearchResult;
import dev.tracedesk.search.SpanSearch;

/**
 * The LLM calls a full-text search finds, as span sources for {@link Datasets#add}: {@code dataset
 * add NAME --query TEXT}. The search is narrowed to LLM spans in the query itself ({@code kind:llm}),
 * so {@code --limit} counts calls, not tool or retriever spans that would only be refused.
 *
 * @param totalMatches how many LLM calls match in all; more than {@code sources} when the limit cut them
 */
public record MatchingCalls(String query, long totalMatches, List<ItemSource> sources) {

    public MatchingCalls {
        sources = List.copyOf(sources);
    }

    /**
     * The best-matching LLM calls, best first.
     *
     * @throws SearchQueryException when the query cannot be read; the message quotes the user's query
     */
    public static MatchingCalls find(SpanSearch search, String query, int limit) {
        if (query == null || query.isBlank()) {
            throw new DatasetException("--query needs some text to search for.");
        }
        if (limit < 1) {
            throw new DatasetException("--limit must be at least 1, not " + limit + ".");
        }
        SearchResult result;
        try {
            result = search.search("(" + query + ") AND kind:llm", limit);
        } catch (SearchQueryException unreadable) {
            // report the problem in the user's own words, not in the narrowed query
            search.search(query, 1);
            throw unreadable;
        }
        List<ItemSource> sources = result.hits().stream().map(SearchHit::spanRowId).map(ItemSource::span).toList();
        return new MatchingCalls(query, result.totalMatches(), sources);
    }
}
