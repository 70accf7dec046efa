package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.tracedesk.review.FlagReason;
import dev.tracedesk.review.ItemState;
import dev.tracedesk.review.ReviewItemSummary;
import dev.tracedesk.review.ReviewItems;
import dev.tracedesk.review.ReviewQueues;
import dev.tracedesk.review.TargetKind;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "List review items: what each points at, why it was flagged, where it stands.")
public final class ReviewListCommand implements Callable<Integer> {

    @Mixin
    private WorkspaceOption workspace;

    @Option(names = "--queue", paramLabel = "Q", description = "Only this queue (by name).")
    private String queue;

    @Option(names = "--state", paramLabel = "STATE", description = "open, done or disputed.")
    private String state;

    @Option(names = "--assignee", paramLabel = "NAME", description = "Only items assigned to NAME.")
    private String assignee;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "At most N items (default ${DEFAULT-VALUE}).")
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
        ItemState wanted = parseState();
        List<ReviewItemSummary> items;
        try (Workspace open = workspace.open()) {
            if (queue != null && new ReviewQueues(open.dsl(), Clock.systemUTC()).byName(queue).isEmpty()) {
                throw new ParameterException(spec.commandLine(), "There is no queue named \"" + queue
                        + "\". See them with: tracedesk review queues");
            }
            items = new ReviewItems(open.dsl(), Clock.systemUTC())
                    .list(new ReviewItems.Listing(queue, wanted, assignee, limit));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.write(out, Map.of("items", items.stream().map(ReviewListCommand::asJson).toList()));
            return ExitCodes.OK;
        }
        if (items.isEmpty()) {
            out.println("No review items" + (wanted == null ? "" : " that are " + state.toLowerCase(Locale.ROOT))
                    + ". Flag rules fill the queues on import; re-apply them with: tracedesk rules apply");
        } else {
            out.printf("%6s  %-9s %-12s %-34s %s%n", "ITEM", "STATE", "QUEUE", "TARGET", "REASONS");
        }
        for (ReviewItemSummary item : items) {
            out.printf("%6d  %-9s %-12s %-34s %s%n", item.itemId(), item.state().name().toLowerCase(Locale.ROOT),
                    DisplayValues.oneLine(item.queue(), 12), DisplayValues.oneLine(target(item), 34),
                    DisplayValues.oneLine(item.reasonsText(), 80));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private ItemState parseState() {
        if (state == null) {
            return null;
        }
        try {
            return ItemState.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new ParameterException(spec.commandLine(),
                    "--state is open, done or disputed, not \"" + state + "\".");
        }
    }

    private static String target(ReviewItemSummary item) {
        return item.targetKind() == TargetKind.SPAN ? "call " + item.traceId() + "/" + item.spanId()
                : "case " + item.runId() + "/" + item.caseKey();
    }

    /** The documented shape: itemId, queue, target, reasons[], state, assignee. */
    static Map<String, Object> asJson(ReviewItemSummary item) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("kind", item.targetKind().name());
        target.put("id", item.targetId());
        if (item.targetKind() == TargetKind.SPAN) {
            target.put("traceId", item.traceId());
            target.put("spanId", item.spanId());
        } else {
            target.put("runId", item.runId());
            target.put("caseKey", item.caseKey());
            target.put("traceId", item.traceId());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("itemId", item.itemId());
        json.put("queue", item.queue());
        json.put("target", target);
        json.put("title", item.title());
        json.put("reasons", item.reasons().stream().map(ReviewListCommand::reason).toList());
        json.put("state", item.state().name().toLowerCase(Locale.ROOT));
        json.put("assignee", item.assignee());
        json.put("claimedBy", item.claimedBy());
        return json;
    }

    private static Map<String, Object> reason(FlagReason reason) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rule", reason.rule());
        json.put("type", reason.type());
        json.put("detail", reason.detail());
        return json;
    }
}
