package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.tracedesk.review.Agreement;
import dev.tracedesk.review.QueueSummary;
import dev.tracedesk.review.ReviewQueues;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "queues", description = "List review queues with their progress, labels per reviewer and agreement.")
public final class ReviewQueuesCommand implements Callable<Integer> {

    @Mixin
    private WorkspaceOption workspace;

    @Option(names = "--json", description = "Print JSON only.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<QueueSummary> queues;
        try (Workspace open = workspace.open()) {
            queues = new ReviewQueues(open.dsl(), Clock.systemUTC()).list();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.write(out, Map.of("queues", queues.stream().map(ReviewQueuesCommand::asJson).toList()));
            return ExitCodes.OK;
        }
        out.printf("%-20s %6s %6s %8s %6s  %-10s %s%n", "QUEUE", "DONE", "TOTAL", "DISPUTED", "KAPPA", "AGREEMENT",
                "LABELS BY REVIEWER");
        for (QueueSummary queue : queues) {
            Agreement agreement = queue.agreement();
            out.printf("%-20s %6d %6d %8d %6s  %-10s %s%n", DisplayValues.oneLine(queue.name(), 20), queue.done(),
                    queue.total(), queue.disputed(),
                    agreement.kappa() == null ? "–" : String.format(Locale.ROOT, "%.2f", agreement.kappa()),
                    agreement.percentAgreement() == null ? "–"
                            : String.format(Locale.ROOT, "%.0f %%", agreement.percentAgreement()),
                    queue.labeledByReviewer());
        }
        out.flush();
        return ExitCodes.OK;
    }

    static Map<String, Object> asJson(QueueSummary queue) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", queue.name());
        json.put("id", queue.id());
        json.put("definition", queue.definition().describe());
        json.put("labelsPerItem", queue.labelsPerItem());
        json.put("blind", queue.blind());
        json.put("total", queue.total());
        json.put("done", queue.done());
        json.put("disputed", queue.disputed());
        json.put("open", queue.open());
        json.put("labeledByReviewer", new java.util.TreeMap<>(queue.labeledByReviewer()));
        Map<String, Object> agreement = new LinkedHashMap<>();
        agreement.put("itemsCompared", queue.agreement().itemsCompared());
        agreement.put("percentAgreement", queue.agreement().percentAgreement());
        agreement.put("kappa", queue.agreement().kappa());
        json.put("agreement", agreement);
        return json;
    }
}
