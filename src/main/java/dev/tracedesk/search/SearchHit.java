package dev.tracedesk.search;

import java.util.List;

/**
 * One matching span.
 *
 * @param fragments short passages around the matches, the matched words wrapped in
 *                  {@link SearchResult#MARK_START} / {@link SearchResult#MARK_END}
 */
public record SearchHit(long spanRowId, String externalTraceId, String externalSpanId, String field, float score,
                        List<String> fragments) {
}
