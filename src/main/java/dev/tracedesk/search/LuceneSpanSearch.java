package dev.tracedesk.search;

import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.PENDING_LOG_MESSAGE;
import static dev.tracedesk.store.generated.Tables.WORKSPACE_SETTING;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import dev.tracedesk.core.task.TaskContext;

/**
 * The span search of a workspace, answered from a Lucene index kept beside the store (decision
 * 0009). The import does not index — it stays as fast as it is — and the index catches up with
 * the spans added since it last did ({@link #catchUp}): spans only ever get added, with growing
 * row ids, so "caught up" is one number kept in the index's commit data. An index that is
 * missing, unreadable, or was built for another workspace (a file deleted and made anew) is
 * rebuilt from the store. The one later change to a span's text — GenAI log messages imported
 * after their spans — is caught by a second number, the newest log message seen: spans matched
 * by newer messages are indexed again.
 */
public final class LuceneSpanSearch implements SpanSearch, AutoCloseable {

    /** Caught-up counts: spans added to the index now, and spans it holds in all. */
    public record CatchUp(long indexed, long total, boolean skippedBecauseBusy) {
    }

    static final String WORKSPACE_KEY = "search.workspace-id";
    private static final String COMMIT_WORKSPACE = "workspace";
    private static final String COMMIT_LAST_ROW = "lastRowId";
    private static final String COMMIT_LAST_LOG_MESSAGE = "lastLogMessageId";
    private static final int READ_BATCH = 1_000;
    private static final int COMMIT_EVERY = 20_000;

    private final Path folder;
    private final DSLContext dsl;
    private final Analyzer analyzer = new StandardAnalyzer();
    private final SearchSyntax syntax = new SearchSyntax(analyzer);
    private final Directory directory;
    private DirectoryReader reader;

    private LuceneSpanSearch(Path folder, DSLContext dsl) throws IOException {
        this.folder = folder;
        this.dsl = dsl;
        Files.createDirectories(folder);
        this.directory = FSDirectory.open(folder);
    }

    public static LuceneSpanSearch open(Path folder, DSLContext dsl) {
        try {
            return new LuceneSpanSearch(folder, dsl);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Indexes the spans added since the last catch-up (all of them when the index is new or was
     * built for another workspace). Another process holding the index (the window while a script
     * runs) is not waited for: the search then answers from the index as it is.
     */
    public synchronized CatchUp catchUp(TaskContext progress) {
        String workspaceId = workspaceId();
        IndexState state = IndexState.read(directory);
        boolean rebuild = !workspaceId.equals(state.workspaceId());
        long lastRow = rebuild ? 0 : state.lastRowId();
        long pending = dsl.fetchCount(SPAN, SPAN.ID.gt(lastRow));
        // GenAI log messages imported after their spans were indexed change those spans' text
        long lastMessage = dsl.select(DSL.coalesce(DSL.max(PENDING_LOG_MESSAGE.ID), 0L)).from(PENDING_LOG_MESSAGE)
                .fetchOne().value1();
        List<Long> changed = rebuild ? List.of() : spansGivenMessagesSince(state.lastLogMessageId(), lastRow);
        if (pending == 0 && changed.isEmpty() && !rebuild) {
            return new CatchUp(0, state.documents(), false);
        }
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(rebuild ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(32);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            long indexed = 0;
            while (!progress.isCancelled()) {
                List<SpanTexts> spans = SpanTexts.after(dsl, lastRow, READ_BATCH);
                if (spans.isEmpty()) {
                    break;
                }
                for (SpanTexts span : spans) {
                    writer.updateDocument(new Term(SearchFields.ROW_ID, Long.toString(span.rowId())), SpanDocuments.of(span));
                }
                lastRow = spans.get(spans.size() - 1).rowId();
                indexed += spans.size();
                progress.progress(indexed, pending, String.format("Indexing for search: %,d of %,d spans", indexed, pending));
                if (indexed % COMMIT_EVERY < READ_BATCH) {
                    commit(writer, workspaceId, lastRow, state.lastLogMessageId());
                }
            }
            for (int from = 0; from < changed.size() && !progress.isCancelled(); from += READ_BATCH) {
                for (SpanTexts span : SpanTexts.byRowId(dsl, changed.subList(from,
                        Math.min(changed.size(), from + READ_BATCH))).values()) {
                    writer.updateDocument(new Term(SearchFields.ROW_ID, Long.toString(span.rowId())), SpanDocuments.of(span));
                }
                indexed += Math.min(READ_BATCH, changed.size() - from);
            }
            commit(writer, workspaceId, lastRow, progress.isCancelled() ? state.lastLogMessageId() : lastMessage);
            return new CatchUp(indexed, writer.getDocStats().numDocs, false);
        } catch (LockObtainFailedException busy) {
            return new CatchUp(0, state.documents(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the search index in " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized SearchResult search(String query, int limit) {
        Query parsed = syntax.parse(query);
        try {
            IndexSearcher searcher = searcher();
            if (searcher == null) {
                return new SearchResult(query, 0, List.of());
            }
            TopDocs top = searcher.search(parsed, Math.max(1, limit));
            long total = searcher.count(parsed);
            List<Long> rowIds = new ArrayList<>();
            Map<Long, Document> stored = new HashMap<>();
            for (ScoreDoc hit : top.scoreDocs) {
                Document document = searcher.storedFields().document(hit.doc);
                long rowId = Long.parseLong(document.get(SearchFields.ROW_ID));
                rowIds.add(rowId);
                stored.put(rowId, document);
            }
            Map<Long, SpanTexts> texts = SpanTexts.byRowId(dsl, rowIds);
            HitFragments fragments = new HitFragments(analyzer, parsed);
            List<SearchHit> hits = new ArrayList<>();
            for (int i = 0; i < rowIds.size(); i++) {
                long rowId = rowIds.get(i);
                Document document = stored.get(rowId);
                HitFragments.Found found = fragments.of(texts.get(rowId));
                hits.add(new SearchHit(rowId, document.get(SpanDocuments.STORED_TRACE_ID),
                        document.get(SpanDocuments.STORED_SPAN_ID), found.field(), top.scoreDocs[i].score, found.fragments()));
            }
            return new SearchResult(query, total, hits);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the search index in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The index's reader, reopened when it changed; null while there is no index yet. */
    private IndexSearcher searcher() throws IOException {
        if (reader == null) {
            if (!DirectoryReader.indexExists(directory)) {
                return null;
            }
            reader = DirectoryReader.open(directory);
        } else {
            DirectoryReader newer = DirectoryReader.openIfChanged(reader);
            if (newer != null) {
                reader.close();
                reader = newer;
            }
        }
        return new IndexSearcher(reader);
    }

    /** The already indexed spans that log messages newer than {@code afterMessage} were attached to. */
    private List<Long> spansGivenMessagesSince(long afterMessage, long indexedThrough) {
        return dsl.selectDistinct(PENDING_LOG_MESSAGE.MATCHED_SPAN_ID).from(PENDING_LOG_MESSAGE)
                .where(PENDING_LOG_MESSAGE.ID.gt(afterMessage), PENDING_LOG_MESSAGE.MATCHED_SPAN_ID.le(indexedThrough))
                .orderBy(PENDING_LOG_MESSAGE.MATCHED_SPAN_ID)
                .fetch(PENDING_LOG_MESSAGE.MATCHED_SPAN_ID);
    }

    private static void commit(IndexWriter writer, String workspaceId, long lastRow, long lastLogMessage)
            throws IOException {
        writer.setLiveCommitData(Map.of(COMMIT_WORKSPACE, workspaceId, COMMIT_LAST_ROW, Long.toString(lastRow),
                COMMIT_LAST_LOG_MESSAGE, Long.toString(lastLogMessage)).entrySet());
        writer.commit();
    }

    /** A random id the workspace keeps, so an index built for another workspace is recognised. */
    private String workspaceId() {
        String id = dsl.select(WORKSPACE_SETTING.SETTING_VALUE).from(WORKSPACE_SETTING)
                .where(WORKSPACE_SETTING.SETTING_KEY.eq(WORKSPACE_KEY)).fetchOne(WORKSPACE_SETTING.SETTING_VALUE);
        if (id != null) {
            return id;
        }
        String fresh = UUID.randomUUID().toString();
        dsl.insertInto(WORKSPACE_SETTING)
                .set(WORKSPACE_SETTING.SETTING_KEY, WORKSPACE_KEY)
                .set(WORKSPACE_SETTING.SETTING_VALUE, fresh)
                .set(WORKSPACE_SETTING.UPDATED_AT, OffsetDateTime.now())
                .onConflictDoNothing()
                .execute();
        return dsl.select(WORKSPACE_SETTING.SETTING_VALUE).from(WORKSPACE_SETTING)
                .where(WORKSPACE_SETTING.SETTING_KEY.eq(WORKSPACE_KEY)).fetchOne(WORKSPACE_SETTING.SETTING_VALUE);
    }

    @Override
    public synchronized void close() {
        try {
            if (reader != null) {
                reader.close();
            }
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the last commit says: which workspace, how far, how many documents. */
    private record IndexState(String workspaceId, long lastRowId, long lastLogMessageId, long documents) {
        static IndexState read(Directory directory) {
            try {
                if (!DirectoryReader.indexExists(directory)) {
                    return new IndexState("", 0, 0, 0);
                }
                try (DirectoryReader reader = DirectoryReader.open(directory)) {
                    Map<String, String> data = reader.getIndexCommit().getUserData();
                    return new IndexState(data.getOrDefault(COMMIT_WORKSPACE, ""),
                            Long.parseLong(data.getOrDefault(COMMIT_LAST_ROW, "0")),
                            Long.parseLong(data.getOrDefault(COMMIT_LAST_LOG_MESSAGE, "0")), reader.numDocs());
                }
            } catch (IOException | RuntimeException unreadable) {
                // a damaged index is rebuilt from the store, which holds everything it had
                return new IndexState("", 0, 0, 0);
            }
        }
    }
}
