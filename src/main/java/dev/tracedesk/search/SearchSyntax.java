package dev.tracedesk.search;

import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;

/**
 * The query language: words and "phrases" search the prompt, output, retrieved context and span
 * name; {@code field:value} narrows to one — text fields {@code input:}, {@code output:},
 * {@code context:}, {@code name:}, and keyword fields {@code model:}, {@code provider:},
 * {@code kind:}, {@code status:}, {@code template:}, {@code version:}, {@code trace:},
 * {@code span:} (case-insensitive, by prefix). AND, OR, NOT, parentheses and wildcards work as in
 * Lucene's classic syntax; words are ANDed by default, as people expect of a search box.
 */
public final class SearchSyntax {

    private final Analyzer analyzer;

    SearchSyntax(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    Query parse(String text) {
        if (text == null || text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        if (text.chars().filter(c -> c == '"').count() % 2 == 1) {
            throw new SearchQueryException("Cannot read the query '" + text + "': a quote is not closed.", null);
        }
        QueryParser parser = new FieldAwareParser(analyzer);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        try {
            return parser.parse(text);
        } catch (ParseException | IllegalArgumentException e) {
            throw new SearchQueryException("Cannot read the query '" + text + "': " + firstLine(e.getMessage())
                    + ". Put phrases in double quotes; escape : ( ) \" with a backslash.", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "it is not valid search syntax";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).replace("Cannot parse '", "at '");
    }

    /** Keyword fields match a lower-cased prefix instead of analysed words. */
    private static final class FieldAwareParser extends MultiFieldQueryParser {

        FieldAwareParser(Analyzer analyzer) {
            super(SearchFields.TEXT.toArray(String[]::new), analyzer);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            if (field != null && SearchFields.KEYWORDS.contains(field)) {
                return new PrefixQuery(new Term(field, queryText.toLowerCase(Locale.ROOT)));
            }
            if (field != null && !SearchFields.TEXT.contains(field)) {
                throw new ParseException("there is no field '" + field + "' (fields: input, output, context, name, model,"
                        + " provider, kind, status, template, version, trace, span)");
            }
            return super.getFieldQuery(field, queryText, quoted);
        }
    }
}
