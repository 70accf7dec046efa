package dev.tracedesk.bench;

import java.nio.file.Path;
import java.util.List;

import dev.tracedesk.core.task.TaskContext;
import dev.tracedesk.search.LuceneSpanSearch;
import dev.tracedesk.search.SearchIndexLocation;
import dev.tracedesk.search.SearchResult;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;

/**
 * Times the search index of a workspace: building it from the store (spans/s), then queries —
 * a word, a phrase, a field with a word, a rare word — each the median of five runs after one
 * warm-up, with the 20 best hits and their highlighted fragments (what the window shows).
 *
 * <pre>./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tracedesk.bench.SearchBenchmark \
 *     -Dexec.args="/tmp/tracedesk-bench/ws-NNN.mv.db"</pre>
 * (an import benchmark leaves such a workspace behind).
 */
public final class SearchBenchmark {

    private static final List<String> QUERIES = List.of("refund", "\"return policy\"", "model:gpt-4o warranty",
            "context:firmware kind:retriever", "bluetooth pairing noise");

    private SearchBenchmark() {
    }

    public static void main(String[] args) {
        WorkspaceLocation location = WorkspaceLocation.parse(args[0]);
        Path index = SearchIndexLocation.of(location, System.getenv());
        try (Workspace workspace = Workspace.open(location);
             LuceneSpanSearch search = LuceneSpanSearch.open(index, workspace.dsl())) {
            long start = System.nanoTime();
            LuceneSpanSearch.CatchUp built = search.catchUp(SILENT);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("index build     %,d spans in %.1f s = %,.0f spans/s (index holds %,d)%n",
                    built.indexed(), seconds, built.indexed() / Math.max(seconds, 1e-9), built.total());
            for (String query : QUERIES) {
                search.search(query, 20);
                long[] runs = new long[5];
                SearchResult result = null;
                for (int i = 0; i < runs.length; i++) {
                    long t = System.nanoTime();
                    result = search.search(query, 20);
                    runs[i] = System.nanoTime() - t;
                }
                java.util.Arrays.sort(runs);
                System.out.printf("%-34s %7.1f ms  (%,d matches)%n", query, runs[2] / 1e6, result.totalMatches());
            }
        }
    }

    private static final TaskContext SILENT = new TaskContext() {
        @Override
        public void progress(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
