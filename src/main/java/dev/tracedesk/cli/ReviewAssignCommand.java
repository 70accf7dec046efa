package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import dev.tracedesk.review.ReviewItems;
import dev.tracedesk.review.ReviewLabels;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "assign", description = "Assign review items to a reviewer (their To do shows them; others' does not).")
public final class ReviewAssignCommand implements Callable<Integer> {

    @Mixin
    private WorkspaceOption workspace;

    @Parameters(paramLabel = "ITEM_ID", arity = "1..*", description = "The items, as `tracedesk review list` shows them.")
    private List<Long> itemIds;

    @Option(names = "--to", paramLabel = "NAME", description = "The reviewer; leave out to unassign.")
    private String assignee;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try (Workspace open = workspace.open()) {
            ReviewItems items = new ReviewItems(open.dsl(), Clock.systemUTC());
            for (long itemId : itemIds) {
                items.assign(itemId, assignee);
            }
        } catch (ReviewLabels.NoSuchItemException missing) {
            throw new ParameterException(spec.commandLine(), missing.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s %d item%s%s.%n", assignee == null ? "Unassigned" : "Assigned", itemIds.size(),
                itemIds.size() == 1 ? "" : "s", assignee == null ? "" : " to " + assignee.trim());
        out.flush();
        return ExitCodes.OK;
    }
}
