package dev.tracedesk.search;

import java.util.List;

/** The hits of one query, and how many spans matched in all (more than the hits when limited). */
public record SearchResult(String query, long totalMatches, List<SearchHit> hits) {

    /** Marks around a matched word in a fragment; the views turn them into highlights. */
    public static final String MARK_START = "\u0002";
    public static final String MARK_END = "\u0003";
}
