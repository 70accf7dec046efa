package dev.tracedesk.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleFragmenter;

/**
 * The passages of a hit's texts around what matched, read again from the store (the index does
 * not keep texts). Matches are wrapped in {@link SearchResult#MARK_START} / {@code MARK_END}, and
 * nothing else is changed or escaped: views decide how to show them.
 */
final class HitFragments {

    record Found(String field, List<String> fragments) {
    }

    private static final int FRAGMENT_CHARS = 160;
    private static final int MAX_FRAGMENTS = 3;
    /** Long prompts are analysed this far for passages; the whole text is still searched. */
    private static final int MAX_CHARS_ANALYSED = 500_000;

    private final Analyzer analyzer;
    private final Query query;

    HitFragments(Analyzer analyzer, Query query) {
        this.analyzer = analyzer;
        this.query = query;
    }

    Found of(SpanTexts span) {
        if (span == null) {
            return new Found(null, List.of());
        }
        String firstField = null;
        List<String> fragments = new ArrayList<>();
        for (String field : SearchFields.TEXT) {
            String text = span.text(field);
            if (text == null || text.isEmpty() || fragments.size() >= MAX_FRAGMENTS) {
                continue;
            }
            for (String fragment : best(field, text, MAX_FRAGMENTS - fragments.size())) {
                fragments.add(fragment.strip());
                firstField = firstField == null ? field : firstField;
            }
        }
        return new Found(firstField, fragments);
    }

    private String[] best(String field, String text, int count) {
        QueryScorer scorer = new QueryScorer(query, field);
        Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter(SearchResult.MARK_START, SearchResult.MARK_END), scorer);
        highlighter.setTextFragmenter(new SimpleFragmenter(FRAGMENT_CHARS));
        highlighter.setMaxDocCharsToAnalyze(MAX_CHARS_ANALYSED);
        try {
            return highlighter.getBestFragments(analyzer, field, text, count);
        } catch (IOException | InvalidTokenOffsetsException e) {
            return new String[0];
        }
    }
}
