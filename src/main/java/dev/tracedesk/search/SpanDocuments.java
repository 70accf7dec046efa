package dev.tracedesk.search;

import java.util.Locale;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/** A span's Lucene document: ids stored, keywords lower-cased whole, texts analysed and not stored. */
final class SpanDocuments {

    static final String STORED_TRACE_ID = "trace_id";
    static final String STORED_SPAN_ID = "span_id";

    private SpanDocuments() {
    }

    static Document of(SpanTexts span) {
        Document document = new Document();
        document.add(new StringField(SearchFields.ROW_ID, Long.toString(span.rowId()), Field.Store.YES));
        document.add(new StoredField(STORED_TRACE_ID, span.traceId()));
        document.add(new StoredField(STORED_SPAN_ID, span.spanId()));
        keyword(document, SearchFields.TRACE_ID, span.traceId());
        keyword(document, SearchFields.SPAN_ID, span.spanId());
        keyword(document, SearchFields.KIND, span.kind());
        keyword(document, SearchFields.STATUS, span.status());
        keyword(document, SearchFields.PROVIDER, span.provider());
        keyword(document, SearchFields.TEMPLATE, span.template());
        keyword(document, SearchFields.VERSION, span.version());
        span.models().forEach(model -> keyword(document, SearchFields.MODEL, model));
        // the texts stay in the store: the index keeps only what finding them needs, and the
        // highlighter re-reads the few texts of a page of hits
        for (String field : SearchFields.TEXT) {
            String text = span.text(field);
            if (text != null && !text.isEmpty()) {
                document.add(new TextField(field, text, Field.Store.NO));
            }
        }
        return document;
    }

    private static void keyword(Document document, String field, String value) {
        if (value != null && !value.isBlank()) {
            document.add(new StringField(field, value.toLowerCase(Locale.ROOT), Field.Store.NO));
        }
    }
}
