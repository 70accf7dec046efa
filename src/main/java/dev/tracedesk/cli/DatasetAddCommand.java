package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.tracedesk.datasets.AddResult;
import dev.tracedesk.datasets.Datasets;
import dev.tracedesk.datasets.ItemSource;
import dev.tracedesk.datasets.MatchingCalls;
import dev.tracedesk.search.LuceneSpanSearch;
import dev.tracedesk.search.SearchIndexLocation;
import dev.tracedesk.search.SearchQueryException;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tracedesk dataset add NAME …}: review items, eval cases, LLM calls by id, and every LLM call a
 * full-text search finds, into the draft. Options mix; a source named twice is added once.
 */
@Command(name = "add", description = "Add review items, eval cases or LLM calls (by id or by a search) to a dataset's "
        + "draft; exits 3 when some were refused.")
final class DatasetAddCommand implements Callable<Integer> {

    @Mixin
    private WorkspaceOption workspace;
    @Parameters(index = "0", paramLabel = "NAME")
    private String name;
    @Option(names = "--item", paramLabel = "ID", description = "A review item (its current label decides the expected output); repeat for several.")
    private List<Long> items = new ArrayList<>();
    @Option(names = "--case", paramLabel = "ID", description = "An eval case; repeat for several.")
    private List<Long> cases = new ArrayList<>();
    @Option(names = "--span", paramLabel = "ID", description = "An LLM call (span row id); repeat for several.")
    private List<Long> spans = new ArrayList<>();
    @Option(names = "--query", paramLabel = "TEXT", description = "Every LLM call matching this search (syntax of "
            + "tracedesk search), best first; repeat for several.")
    private List<String> queries = new ArrayList<>();
    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
            description = "At most N calls per --query (default ${DEFAULT-VALUE}).")
    private int limit;
    @Option(names = "--json", description = "Print JSON only.")
    private boolean json;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Set<ItemSource> sources = new LinkedHashSet<>();
        items.forEach(id -> sources.add(ItemSource.reviewItem(id)));
        cases.forEach(id -> sources.add(ItemSource.evalCase(id)));
        spans.forEach(id -> sources.add(ItemSource.span(id)));
        if (sources.isEmpty() && queries.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Say what to add: --item ID, --case ID, --span ID or --query TEXT.");
        }
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1, not " + limit + ".");
        }
        List<MatchingCalls> found = new ArrayList<>();
        List<AddResult> results;
        try (Workspace open = workspace.open()) {
            Datasets store = new Datasets(open.dsl(), Clock.systemUTC());
            // adding nothing checks the reference (an unknown dataset, a published version) before any search work
            store.add(name, List.of());
            if (!queries.isEmpty()) {
                found.addAll(search(open));
                found.forEach(matches -> sources.addAll(matches.sources()));
            }
            results = store.add(name, sources);
        } catch (IllegalArgumentException refused) {
            throw new ParameterException(spec.commandLine(), refused.getMessage());
        }
        print(found, results);
        return results.stream().anyMatch(r -> r.outcome() == AddResult.Outcome.REFUSED) ? ExitCodes.PARTIAL : ExitCodes.OK;
    }

    private List<MatchingCalls> search(Workspace open) {
        List<MatchingCalls> found = new ArrayList<>();
        try (LuceneSpanSearch search = LuceneSpanSearch.open(SearchIndexLocation.of(open.location(), System.getenv()), open.dsl())) {
            search.catchUp(new ConsoleProgress(spec.commandLine().getErr()));
            for (String query : queries) {
                found.add(MatchingCalls.find(search, query, limit));
            }
        } catch (SearchQueryException unreadable) {
            throw new ParameterException(spec.commandLine(), unreadable.getMessage());
        }
        return found;
    }

    private void print(List<MatchingCalls> found, List<AddResult> results) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("dataset", name);
            document.put("added", count(results, AddResult.Outcome.ADDED));
            document.put("replaced", count(results, AddResult.Outcome.REPLACED));
            document.put("refused", count(results, AddResult.Outcome.REFUSED));
            if (!found.isEmpty()) {
                document.put("queries", found.stream().map(matches -> {
                    Map<String, Object> q = new LinkedHashMap<>();
                    q.put("query", matches.query());
                    q.put("matches", matches.totalMatches());
                    q.put("taken", matches.sources().size());
                    return q;
                }).toList());
            }
            document.put("results", results.stream().map(DatasetJson::added).toList());
            JsonOutput.write(out, document);
            return;
        }
        for (MatchingCalls matches : found) {
            out.printf("query %s: %,d LLM call%s match%s%n", matches.query(), matches.totalMatches(),
                    matches.totalMatches() == 1 ? "" : "s",
                    matches.totalMatches() > matches.sources().size()
                            ? "; taking the best " + matches.sources().size() + " (raise --limit for more)" : "");
        }
        for (AddResult result : results) {
            out.printf("%-8s %-12s %s%n", result.outcome().name().toLowerCase(Locale.ROOT), result.source().describe(),
                    result.outcome() == AddResult.Outcome.REFUSED ? result.reason() : result.itemKey());
        }
        out.printf("%d added, %d replaced, %d refused.%n", count(results, AddResult.Outcome.ADDED),
                count(results, AddResult.Outcome.REPLACED), count(results, AddResult.Outcome.REFUSED));
        out.flush();
    }

    private static long count(List<AddResult> results, AddResult.Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
