package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.tracedesk.search.LuceneSpanSearch;
import dev.tracedesk.search.MarkedText;
import dev.tracedesk.search.SearchHit;
import dev.tracedesk.search.SearchIndexLocation;
import dev.tracedesk.search.SearchQueryException;
import dev.tracedesk.search.SearchResult;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "search", description = {
        "Full-text search of prompts, outputs, messages and retrieved documents; the best-matching spans first.",
        "Words are ANDed; \"a phrase\" in quotes; fields: input:, output:, context:, name:, and by prefix model:,"
                + " provider:, kind:, status:, template:, version:, trace:, span:. Example: model:gpt-4o \"refund policy\".",
        "The index catches up with spans imported since the last search first (progress on stderr)."})
public final class SearchCommand implements Callable<Integer> {

    @Mixin
    private WorkspaceOption workspace;

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "What to find.")
    private List<String> words;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N spans (default ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--json", description = "Print JSON only.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1, not " + limit + ".");
        }
        String query = String.join(" ", words);
        SearchResult result;
        try (Workspace open = workspace.open();
             LuceneSpanSearch search = LuceneSpanSearch.open(SearchIndexLocation.of(open.location(), System.getenv()), open.dsl())) {
            search.catchUp(new ConsoleProgress(spec.commandLine().getErr()));
            result = search.search(query, limit);
        } catch (SearchQueryException unreadable) {
            throw new ParameterException(spec.commandLine(), unreadable.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.write(out, asJson(result));
            return ExitCodes.OK;
        }
        if (result.hits().isEmpty()) {
            out.println("No span matches " + query + ".");
        } else {
            out.printf("%,d spans match; the best %d:%n", result.totalMatches(), result.hits().size());
        }
        for (SearchHit hit : result.hits()) {
            out.printf("%n%s  span %s  (%s)%n", hit.externalTraceId(), hit.externalSpanId(), hit.field() == null ? "-" : hit.field());
            for (String fragment : hit.fragments()) {
                // matches in [brackets]: readable in any terminal and in a pipe
                out.println("  " + DisplayValues.oneLine(fragment.replace(SearchResult.MARK_START, "[")
                        .replace(SearchResult.MARK_END, "]"), 200));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    static Map<String, Object> asJson(SearchResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("query", result.query());
        json.put("totalMatches", result.totalMatches());
        json.put("hits", result.hits().stream().map(SearchCommand::hitJson).toList());
        return json;
    }

    private static Map<String, Object> hitJson(SearchHit hit) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("traceId", hit.externalTraceId());
        json.put("spanId", hit.externalSpanId());
        json.put("score", (double) hit.score());
        json.put("field", hit.field());
        json.put("fragments", hit.fragments().stream().map(MarkedText::parse).map(fragment -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("text", fragment.text());
            f.put("highlights", fragment.highlights().stream().map(range -> List.of(range.start(), range.end())).toList());
            return f;
        }).toList());
        return json;
    }
}
