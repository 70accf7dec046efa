package dev.tracedesk.cli;

import picocli.CommandLine.Command;

/** {@code tracedesk review …}: the review queues and their items, for scripts and bulk work. */
@Command(name = "review", description = "Review queues and items.",
        subcommands = {ReviewListCommand.class, ReviewQueuesCommand.class, ReviewCreateCommand.class,
            ReviewAssignCommand.class})
public final class ReviewCommand {
}
