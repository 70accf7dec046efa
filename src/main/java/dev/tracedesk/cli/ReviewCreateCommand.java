package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.tracedesk.review.LabelSchema;
import dev.tracedesk.review.QueueDefinition;
import dev.tracedesk.review.QueueSummary;
import dev.tracedesk.review.ReviewQueues;
import dev.tracedesk.review.SavedViewQueues;
import dev.tracedesk.search.LuceneSpanSearch;
import dev.tracedesk.search.SearchIndexLocation;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "create", description = "Make a review queue of what flag rules flag, or of the LLM calls a saved Traces view shows.")
public final class ReviewCreateCommand implements Callable<Integer> {

    @Mixin
    private WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "NAME")
    private String name;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    static final class Source {
        @Option(names = "--rule", paramLabel = "RULE", required = true, description = "A flag rule whose items the queue takes; repeat for several.")
        List<String> rules = new ArrayList<>();

        @Option(names = "--view", paramLabel = "VIEW", required = true, description = "A saved Traces view whose LLM calls the queue takes.")
        String view;
    }

    @Option(names = "--labels-per-item", paramLabel = "N", defaultValue = "1", description = "Reviewers per item (default ${DEFAULT-VALUE}).")
    private int labelsPerItem;

    @Option(names = "--blind", description = "Reviewers see others' labels only after saving their own.")
    private boolean blind;

    @Option(names = "--score", paramLabel = "NAME", description = "A numeric score (1 to 5) the label form asks for; repeat for several.")
    private List<String> scores = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        QueueSummary made;
        try (Workspace open = workspace.open()) {
            ReviewQueues queues = new ReviewQueues(open.dsl(), Clock.systemUTC());
            LabelSchema schema = LabelSchema.withScores(scores);
            long id;
            if (source.view != null) {
                try (LuceneSpanSearch search = LuceneSpanSearch.open(SearchIndexLocation.of(open.location(), System.getenv()), open.dsl())) {
                    id = new SavedViewQueues(open.dsl(), Clock.systemUTC(), search)
                            .create(name, source.view, labelsPerItem, blind, schema);
                }
            } else {
                List<String> unknown = source.rules.stream().filter(rule -> !queues.ruleNames().contains(rule)).toList();
                if (!unknown.isEmpty()) {
                    throw new ParameterException(spec.commandLine(), "No flag rule named " + unknown
                            + ". See them with: tracedesk rules list");
                }
                id = queues.create(name, null, QueueDefinition.ofRules(source.rules), labelsPerItem, blind, schema);
            }
            made = queues.list().stream().filter(queue -> queue.id() == id).findFirst().orElseThrow();
        } catch (IllegalArgumentException refused) {
            throw new ParameterException(spec.commandLine(), refused.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Made queue %s with %d item%s (%s).%n", made.name(), made.total(), made.total() == 1 ? "" : "s",
                made.definition().describe());
        out.flush();
        return ExitCodes.OK;
    }
}
